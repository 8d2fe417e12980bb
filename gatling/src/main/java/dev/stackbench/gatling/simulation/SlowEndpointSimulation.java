package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * An open model on {@code /api/slow}: requests arrive at a constant rate whether or not
 * the server keeps up, as they do on the internet. By Little's law the server must hold
 * {@code rate x delay} requests in flight at once; one that has fewer workers queues the
 * rest, and latency grows for as long as the run lasts.
 */
public class SlowEndpointSimulation extends Simulation {

	/**
	 * The load of a run.
	 *
	 * @param rate new requests a second
	 * @param delay how long the page waits, in milliseconds
	 * @param durationSeconds how long requests arrive
	 * @param maxQueueMillis how much longer than the delay itself a request may take:
	 * time spent queued, plus a noisy machine
	 * @param maxFailedPercent the share of requests that may fail
	 */
	public record Load(double rate, int delay, int durationSeconds, int maxQueueMillis, double maxFailedPercent) {
	}

	public static final Load DEFAULTS = new Load(100, 500, 20, 1_000, 0.0);

	private final Parameters parameters = new Parameters(SlowEndpointSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration duration = Duration.ofSeconds(this.load.durationSeconds());

	private final ScenarioBuilder slow = scenario("slow page at a constant rate")
		.exec(Http.slowPage(this.load.delay()));

	{
		long requests = Math.round(this.load.rate() * this.duration.toSeconds());
		this.parameters.print(LittlesLaw.explain(this.load.rate(), this.load.delay()));
		setUp(this.slow.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration)))
			.protocols(Http.sharedConnections(this.baseUrl))
			// A server that cannot keep up would otherwise keep the run going until its
			// queue drains.
			.maxDuration(this.duration.plusMillis(this.load.delay() + this.load.maxQueueMillis()).plusSeconds(10))
			.assertions(global().failedRequests().percent().lte(this.load.maxFailedPercent()),
					global().successfulRequests()
						.count()
						.gte(Math.round(requests * (1 - this.load.maxFailedPercent() / 100))),
					global().responseTime().percentile(95.0).lte(this.load.delay() + this.load.maxQueueMillis()));
	}

}
