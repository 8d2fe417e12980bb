package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The same closed-model load twice: first over keep-alive connections, then with
 * {@code Connection: close} so that every request pays for a TCP handshake, a new socket
 * on the server and its teardown. The difference in throughput between the two rows is
 * the cost of a connection. Against an {@code https} base URL each new connection is also
 * a TLS handshake.
 */
public class KeepAliveSimulation extends Simulation {

	public static final String KEEP_ALIVE = "keep-alive";

	public static final String NEW_CONNECTION = "new connection per request";

	private final Parameters parameters = new Parameters(KeepAliveSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final String path = this.parameters.text("path", "/api/hello");

	private final int users = this.parameters.integer("users", 16);

	/**
	 * Short, because every closed connection leaves a socket in TIME_WAIT for a minute:
	 * at a few thousand new connections a second, a long phase would run the machine out
	 * of ports.
	 */
	private final Duration phase = this.parameters.seconds("phaseSeconds", 10);

	private final int maxP95Millis = this.parameters.integer("maxP95Millis", 2_000);

	private final double maxFailedPercent = this.parameters.decimal("maxFailedPercent", 0.0);

	/**
	 * Only the phase of this name, or both when empty: the comparison runs each on its
	 * own to read the app's connections and CPU per phase.
	 */
	private final String only = this.parameters.text("phase", "");

	private PopulationBuilder phase(String name, HttpRequestActionBuilder request) {
		return scenario(name).during(this.phase).on(request.check(Http.ok())).injectOpen(atOnceUsers(this.users));
	}

	{
		this.parameters.print("");
		PopulationBuilder keepAlive = phase(KEEP_ALIVE, http(KEEP_ALIVE).get(this.path));
		PopulationBuilder newConnections = phase(NEW_CONNECTION,
				http(NEW_CONNECTION).get(this.path).header("Connection", "close"));
		PopulationBuilder phases = switch (this.only) {
			case "" -> keepAlive.andThen(newConnections);
			case KEEP_ALIVE -> keepAlive;
			case NEW_CONNECTION -> newConnections;
			default -> throw new IllegalArgumentException(
					"phase " + this.only + " is none of '" + KEEP_ALIVE + "', '" + NEW_CONNECTION + "'");
		};
		setUp(phases).protocols(Http.perUserConnections(this.baseUrl))
			.assertions(forAll().failedRequests().percent().lte(this.maxFailedPercent),
					forAll().responseTime().percentile(95.0).lt(this.maxP95Millis));
	}

}
