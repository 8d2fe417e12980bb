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

	/**
	 * The load of a run.
	 *
	 * @param work the CPU work of each request ({@code /api/cpu?work=})
	 * @param baseRate requests a second before and after the overload
	 * @param peakRate requests a second at the peak
	 * @param baselineSeconds the time at the base rate before the overload
	 * @param rampSeconds the time the rate takes to climb to the peak
	 * @param holdSeconds the time at the peak
	 * @param recoverySeconds the time back at the base rate
	 * @param windowSeconds the length of each recovery window
	 * @param maxFailedPercent the share of requests that may fail
	 * @param maxRecoveredP95Millis the bar for the last recovery window: a server that
	 * has recovered answers as it did before the overload
	 */
	public record Load(int work, double baseRate, double peakRate, int baselineSeconds, int rampSeconds,
			int holdSeconds, int recoverySeconds, int windowSeconds, double maxFailedPercent,
			int maxRecoveredP95Millis) {

		public Load {
			phases(baselineSeconds, rampSeconds, holdSeconds, recoverySeconds, windowSeconds);
		}

		/** The run's timeline, which refuses a recovery shorter than one window. */
		public OverloadPhases phases() {
			return phases(this.baselineSeconds, this.rampSeconds, this.holdSeconds, this.recoverySeconds,
					this.windowSeconds);
		}

		private static OverloadPhases phases(int baseline, int ramp, int hold, int recovery, int window) {
			return new OverloadPhases(Duration.ofSeconds(baseline), Duration.ofSeconds(ramp), Duration.ofSeconds(hold),
					Duration.ofSeconds(recovery), Duration.ofSeconds(window));
		}

	}

	public static final Load DEFAULTS = new Load(20_000, 50, 1_500, 10, 10, 10, 30, 5, 5.0, 1_000);

	private final Parameters parameters = new Parameters(OverloadSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final OverloadPhases phases = this.load.phases();

	private long startNanos;

	private final ScenarioBuilder requests = scenario("cpu work at a changing rate")
		.exec(http(session -> this.phases.nameAt(Duration.ofNanos(System.nanoTime() - this.startNanos)))
			.get(Api.CPU + "?work=" + this.load.work())
			.check(Http.ok()));

	@Override
	public void before() {
		this.startNanos = System.nanoTime();
	}

	{
		this.parameters.print("Phases: " + this.phases.names());
		setUp(this.requests.injectOpen(constantUsersPerSec(this.load.baseRate()).during(this.phases.baseline()),
				rampUsersPerSec(this.load.baseRate()).to(this.load.peakRate()).during(this.phases.ramp()),
				constantUsersPerSec(this.load.peakRate()).during(this.phases.hold()),
				constantUsersPerSec(this.load.baseRate()).during(this.phases.recovery())))
			.protocols(Http.sharedConnections(this.baseUrl))
			.maxDuration(this.phases.total().plusSeconds(60))
			.assertions(global().failedRequests().percent().lte(this.load.maxFailedPercent()),
					details(this.phases.lastWindowName()).responseTime()
						.percentile(95.0)
						.lte(this.load.maxRecoveredP95Millis()));
	}

}
