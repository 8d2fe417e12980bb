package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import io.gatling.javaapi.core.Simulation;

/**
 * The same open model on two apps at once: {@code rate} new requests a second on one page
 * of the app under test ({@code baseUrl}) and as many on the same page of a bare Spring
 * Boot app ({@code bareBaseUrl}), for {@code durationSeconds}. Loaded in the same
 * seconds, the two meet the same moments of a noisy machine, so the ratio of their costs
 * keeps what differs between them and little of what the machine did: measured here, one
 * app's cost per request moved by 20 to 40% between windows ten seconds apart.
 */
public class PairedRateSimulation extends Simulation {

	/**
	 * The prefix of the bare app's rows; the app's rows are named as in an open model.
	 */
	public static final String BARE = "bare: ";

	/**
	 * The load of a run.
	 *
	 * @param path the page every request asks for, on both apps
	 * @param rate new requests a second on each app
	 * @param durationSeconds how long requests arrive
	 * @param timeoutMillis how long an answer may take before its request fails
	 * @param bareBaseUrl the bare app's base URL, on this machine as the app's is
	 */
	public record Load(String path, double rate, int durationSeconds, int timeoutMillis, String bareBaseUrl) {
	}

	public static final Load DEFAULTS = new Load("/api/hello", 1_000, 10, 1_000, "http://localhost:8090");

	private final Parameters parameters = new Parameters(PairedRateSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final String bareBaseUrl = Parameters.onThisMachine("bareBaseUrl", this.load.bareBaseUrl());

	private final Duration duration = Duration.ofSeconds(this.load.durationSeconds());

	/** The bare app's row for a page at a rate. */
	public static String bareRequestName(String path, double rate) {
		return BARE + OpenRateSimulation.requestName(path, rate);
	}

	{
		this.parameters.print("");
		String app = OpenRateSimulation.requestName(this.load.path(), this.load.rate());
		setUp(scenario("app at " + this.load.rate() + "/s").exec(http(app).get(this.load.path()).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration))
			.protocols(Http.sharedConnections(this.baseUrl)),
				scenario("bare app at " + this.load.rate() + "/s")
					.exec(http(bareRequestName(this.load.path(), this.load.rate())).get(this.load.path())
						.check(Http.answered()))
					.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration))
					.protocols(Http.sharedConnections(this.bareBaseUrl)))
			// What is not answered within this margin counts as not answered, as in an
			// open model's step.
			.maxDuration(this.duration.plusMillis(Math.max(2_000, 4L * this.load.timeoutMillis())))
			.assertions(global().failedRequests().count().is(0L),
					global().responseTime().percentile(99.0).lte(this.load.timeoutMillis()));
	}

}
