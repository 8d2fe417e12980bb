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

	/**
	 * The load of a run.
	 *
	 * @param path the page every user asks for
	 * @param users closed-model users in each phase
	 * @param phaseSeconds how long each phase lasts: short, because every closed
	 * connection leaves a socket in TIME_WAIT for a minute, and at a few thousand new
	 * connections a second a long phase would run the machine out of ports
	 * @param maxP95Millis the p95 each phase must stay under
	 * @param maxFailedPercent the share of failed requests each phase may have
	 * @param phase only the phase of this name, or both when empty: the comparison runs
	 * each on its own to read the app's connections and CPU per phase
	 */
	public record Load(String path, int users, int phaseSeconds, int maxP95Millis, double maxFailedPercent,
			String phase) {

		public Load {
			phase = (phase != null) ? phase : "";
		}

	}

	public static final Load DEFAULTS = new Load("/api/hello", 16, 10, 2_000, 0.0, "");

	private final Parameters parameters = new Parameters(KeepAliveSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration phaseLength = Duration.ofSeconds(this.load.phaseSeconds());

	private PopulationBuilder phase(String name, HttpRequestActionBuilder request) {
		return scenario(name).during(this.phaseLength)
			.on(request.check(Http.ok()))
			.injectOpen(atOnceUsers(this.load.users()));
	}

	{
		this.parameters.print("");
		PopulationBuilder keepAlive = phase(KEEP_ALIVE, http(KEEP_ALIVE).get(this.load.path()));
		PopulationBuilder newConnections = phase(NEW_CONNECTION,
				http(NEW_CONNECTION).get(this.load.path()).header("Connection", "close"));
		PopulationBuilder phases = switch (this.load.phase()) {
			case "" -> keepAlive.andThen(newConnections);
			case KEEP_ALIVE -> keepAlive;
			case NEW_CONNECTION -> newConnections;
			default -> throw new IllegalArgumentException(
					"phase " + this.load.phase() + " is none of '" + KEEP_ALIVE + "', '" + NEW_CONNECTION + "'");
		};
		setUp(phases).protocols(Http.perUserConnections(this.baseUrl))
			.assertions(forAll().failedRequests().percent().lte(this.load.maxFailedPercent()),
					forAll().responseTime().percentile(95.0).lt(this.load.maxP95Millis()));
	}

}
