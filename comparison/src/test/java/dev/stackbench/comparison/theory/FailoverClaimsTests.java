package dev.stackbench.comparison.theory;

import java.util.List;
import java.util.Map;
import dev.stackbench.gatling.simulation.FailoverSimulation;

import org.junit.jupiter.api.Test;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.gatling.simulation.FailoverSimulation;

import static org.assertj.core.api.Assertions.assertThat;

/** The failover claims, on disruptions shaped like the ones measured here. */
class FailoverClaimsTests {

	private static final AppMetrics TWO_REPLICAS = new AppMetrics(10, 40, 40, 10, 20, 300, 2, 0.01, 100, 100, 10, 45,
			AppMetrics.Pool.NONE, new AppMetrics.Replicas(List.of(6006L, 2932L), 0.5));

	@Test
	void aKillThatLosesNoMoreThanWasInFlightAndComesBackHolds() {
		List<Claim> claims = Theory.claims(List.of(result(kill(10, 3, 7.0), stop(0, 6.3))), Map.of());
		assertThat(claims).hasSize(2).allMatch(Claim::held);
		assertThat(claims.getFirst().statement()).contains("with 2 replicas, killing one (SIGKILL)");
		assertThat(claims.getFirst().evidence()).contains("3 failed (3 x status.find.is(200), found 502)",
				"10 in flight");
	}

	@Test
	void aKillThatLosesMoreThanWasInFlightDoesNotHold() {
		assertThat(Theory.claims(List.of(result(kill(2, 3, 7.0), stop(0, 6.3))), Map.of()).getFirst().held()).isFalse();
	}

	@Test
	void aReplicaThatNeverServesAgainDoesNotHold() {
		assertThat(Theory.claims(List.of(result(kill(10, 0, -1), stop(0, 6.3))), Map.of()).getFirst().held()).isFalse();
		assertThat(Theory.claims(List.of(result(kill(10, 0, 7.0), stop(0, -1))), Map.of()).getLast().held()).isFalse();
	}

	@Test
	void aGracefulStopThatLosesOneRequestDoesNotHold() {
		List<Claim> claims = Theory.claims(List.of(result(kill(10, 0, 7.0), stop(1, 6.3))), Map.of());
		assertThat(claims.getLast().statement()).contains("stopping one gracefully");
		assertThat(claims.getLast().held()).isFalse();
	}

	@Test
	void anUnreadInFlightGaugeAllowsNoLoss() {
		assertThat(Theory.claims(List.of(result(kill(-1, 1, 7.0), stop(0, 6.3))), Map.of()).getFirst().held())
			.isFalse();
		assertThat(Theory.claims(List.of(result(kill(-1, 0, 7.0), stop(0, 6.3))), Map.of()).getFirst().held()).isTrue();
	}

	private static Disruption kill(double inFlight, long failed, double trafficAfter) {
		return disruption(FailoverSimulation.CRASH, inFlight, 0, failed, trafficAfter);
	}

	private static Disruption stop(long failed, double trafficAfter) {
		return disruption(FailoverSimulation.GRACEFUL, 8, 0.4, failed, trafficAfter);
	}

	private static Disruption disruption(String signal, double inFlight, double drain, long failed,
			double trafficAfter) {
		return new Disruption(signal, 2, 10.1, inFlight, drain, 0.1, 18.1, 5.0, trafficAfter, 206, 313, 229, failed,
				(failed == 0) ? List.of() : List.of(new ErrorCount("status.find.is(200), found 502", (int) failed)));
	}

	private static ScenarioResult result(Disruption kill, Disruption stop) {
		return new ScenarioResult(Contender.PLATFORM, Preset.STANDARD.scenario("failover"), 1, true, "", List.of(),
				List.of(), AppMetrics.combine(List.of(TWO_REPLICAS, TWO_REPLICAS)), 10, 100, List.of(),
				List.of(new PhaseResult(FailoverSimulation.PHASES.get(0), TWO_REPLICAS, 50, kill),
						new PhaseResult(FailoverSimulation.PHASES.get(1), TWO_REPLICAS, 50, stop)));
	}

}
