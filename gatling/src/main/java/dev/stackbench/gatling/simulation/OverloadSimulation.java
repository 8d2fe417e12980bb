package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;

import dev.stackbench.workload.Api;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * What happens past capacity. CPU-bound requests arrive at a base rate, then the rate
 * ramps past what two cores can compute, holds there, and drops back to the base rate.
 * Requests are named by the phase in which they were sent, and the recovery phase is cut
 * into windows ("recovery +0s", "recovery +5s", ...), so the report shows the errors of
 * the overload and how many seconds latency took to come back to the baseline.
 */
public class OverloadSimulation extends Simulation {

	private final Parameters parameters = new Parameters(OverloadSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final int work = this.parameters.integer("work", 20_000);

	private final double baseRate = this.parameters.decimal("baseRate", 50);

	private final double peakRate = this.parameters.decimal("peakRate", 1_500);

	private final OverloadPhases phases = new OverloadPhases(this.parameters.seconds("baselineSeconds", 10),
			this.parameters.seconds("rampSeconds", 10), this.parameters.seconds("holdSeconds", 10),
			this.parameters.seconds("recoverySeconds", 30), this.parameters.seconds("windowSeconds", 5));

	private final double maxFailedPercent = this.parameters.decimal("maxFailedPercent", 5.0);

	/**
	 * The bar for the last recovery window: a server that has recovered answers as it did
	 * before the overload.
	 */
	private final int maxRecoveredP95Millis = this.parameters.integer("maxRecoveredP95Millis", 1_000);

	private long startNanos;

	private final ScenarioBuilder requests = scenario("cpu work at a changing rate")
		.exec(http(session -> this.phases.nameAt(Duration.ofNanos(System.nanoTime() - this.startNanos)))
			.get(Api.CPU + "?work=" + this.work)
			.check(Http.ok()));

	@Override
	public void before() {
		this.startNanos = System.nanoTime();
	}

	{
		this.parameters.print("Phases: " + this.phases.names());
		setUp(this.requests.injectOpen(constantUsersPerSec(this.baseRate).during(this.phases.baseline()),
				rampUsersPerSec(this.baseRate).to(this.peakRate).during(this.phases.ramp()),
				constantUsersPerSec(this.peakRate).during(this.phases.hold()),
				constantUsersPerSec(this.baseRate).during(this.phases.recovery())))
			.protocols(Http.sharedConnections(this.baseUrl))
			.maxDuration(this.phases.total().plusSeconds(60))
			.assertions(global().failedRequests().percent().lte(this.maxFailedPercent),
					details(this.phases.lastWindowName()).responseTime()
						.percentile(95.0)
						.lte(this.maxRecoveredP95Millis));
	}

}
