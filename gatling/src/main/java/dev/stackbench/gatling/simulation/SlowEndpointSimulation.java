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

	private final Parameters parameters = new Parameters(SlowEndpointSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final double rate = this.parameters.decimal("rate", 100);

	private final int delayMillis = this.parameters.integer("delay", 500);

	private final Duration duration = this.parameters.seconds("durationSeconds", 20);

	/**
	 * How much longer than the delay itself a request may take: time spent queued, plus a
	 * noisy machine.
	 */
	private final int maxQueueMillis = this.parameters.integer("maxQueueMillis", 1_000);

	private final double maxFailedPercent = this.parameters.decimal("maxFailedPercent", 0.0);

	private final ScenarioBuilder slow = scenario("slow page at a constant rate").exec(Http.slowPage(this.delayMillis));

	{
		long requests = Math.round(this.rate * this.duration.toSeconds());
		this.parameters.print(LittlesLaw.explain(this.rate, this.delayMillis));
		setUp(this.slow.injectOpen(constantUsersPerSec(this.rate).during(this.duration)))
			.protocols(Http.sharedConnections(this.baseUrl))
			// A server that cannot keep up would otherwise keep the run going until its
			// queue drains.
			.maxDuration(this.duration.plusMillis(this.delayMillis + this.maxQueueMillis).plusSeconds(10))
			.assertions(global().failedRequests().percent().lte(this.maxFailedPercent),
					global().successfulRequests().count().gte(Math.round(requests * (1 - this.maxFailedPercent / 100))),
					global().responseTime().percentile(95.0).lte(this.delayMillis + this.maxQueueMillis));
	}

}
