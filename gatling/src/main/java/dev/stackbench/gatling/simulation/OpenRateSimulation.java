package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.Locale;

import io.gatling.javaapi.core.Simulation;

/**
 * An open model on any page: {@code rate} new requests a second for
 * {@code durationSeconds}, each sent when its time comes whether or not the earlier ones
 * were answered, so a stalled server shows as latency and not as a slower client (no
 * coordinated omission). One step of the comparison's capacity search; its assertions are
 * the step's SLO: p99 within {@code sloMillis} and nothing failed.
 */
public class OpenRateSimulation extends Simulation {

	/**
	 * The load of a run.
	 *
	 * @param path the page every request asks for
	 * @param rate new requests a second
	 * @param durationSeconds how long requests arrive
	 * @param sloMillis the p99 the step must stay within
	 */
	public record Load(String path, double rate, int durationSeconds, int sloMillis) {
	}

	public static final Load DEFAULTS = new Load("/api/hello", 1_000, 10, 25);

	private final Parameters parameters = new Parameters(OpenRateSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration duration = Duration.ofSeconds(this.load.durationSeconds());

	/** The name of every request of a step, which is also its row in the report. */
	public static String requestName(String path, double rate) {
		return String.format(Locale.ROOT, "GET %s @ %.0f/s", path, rate);
	}

	{
		this.parameters.print("");
		setUp(scenario("arrivals at " + this.load.rate() + "/s")
			.exec(http(requestName(this.load.path(), this.load.rate())).get(this.load.path()).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration)))
			.protocols(Http.sharedConnections(this.baseUrl))
			// Past capacity the queue would otherwise keep the step going long after its
			// arrivals stopped: what is not answered within this margin counts as not
			// answered.
			.maxDuration(this.duration.plusMillis(Math.max(2_000, 4L * this.load.sloMillis())))
			.assertions(global().failedRequests().count().is(0L),
					global().responseTime().percentile(99.0).lte(this.load.sloMillis()));
	}

}
