package dev.stackbench.comparison.theory;

import java.util.List;
import dev.stackbench.comparison.scenario.Capacity;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.theory.CapacitySearch.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CapacitySearchTests {

	private static final int SLO_25_MS = Fixtures.HELLO_CAPACITY.sloMillis();

	@Test
	void aStepHoldsOnlyWhenNearlyEverythingOfferedIsAnsweredWithinTheSloAndNothingFails() {
		assertThat(CapacitySearch.verdict(step(1000, 5000, 0, 20, 0.5), SLO_25_MS)).isEqualTo(Verdict.HELD);
		assertThat(CapacitySearch.verdict(step(1000, 4950, 0, 20, 0.5), SLO_25_MS)).as("99% answered")
			.isEqualTo(Verdict.HELD);
		assertThat(CapacitySearch.verdict(step(1000, 4800, 100, 20, 0.5), SLO_25_MS)).as("failures")
			.isEqualTo(Verdict.MISSED);
		assertThat(CapacitySearch.verdict(step(1000, 5000, 0, 26, 0.5), SLO_25_MS)).as("p99 over the SLO")
			.isEqualTo(Verdict.MISSED);
		assertThat(CapacitySearch.verdict(step(1000, 4000, 0, 300, 0.5), SLO_25_MS)).as("a stack that fell behind")
			.isEqualTo(Verdict.MISSED);
	}

	@Test
	void aStepWhoseLoadGeneratorWasSaturatedIsCreditedToNoOne() {
		assertThat(CapacitySearch.verdict(step(1000, 5000, 0, 20, 0.9), SLO_25_MS))
			.isEqualTo(Verdict.LIMITED_BY_LOAD_GENERATOR);
		assertThat(CapacitySearch.verdict(step(1000, 5000, 0, 200, 0.95), SLO_25_MS)).as("even one that missed")
			.isEqualTo(Verdict.LIMITED_BY_LOAD_GENERATOR);
		// Sent 80% of the offered requests, and every one of them was answered promptly:
		// the sender fell short.
		assertThat(CapacitySearch.verdict(step(1000, 4000, 0, 5, 0.6), SLO_25_MS))
			.isEqualTo(Verdict.LIMITED_BY_LOAD_GENERATOR);
	}

	@Test
	void capacityIsTheHighestOfferedRateThatHeld() {
		CapacitySearch.Figure platform = CapacitySearch.capacity(Fixtures.capacity(Contender.PLATFORM, 1, 2, false))
			.orElseThrow();
		assertThat(platform).isEqualTo(new CapacitySearch.Figure(4000, CapacitySearch.Limit.STACK));
		assertThat(platform.describe()).isEqualTo("4,000 req/s");
		// The reactive search ended on a saturated load generator: its capacity is only a
		// lower bound.
		CapacitySearch.Figure reactive = CapacitySearch.capacity(Fixtures.capacity(Contender.REACTIVE, 1, 3, true))
			.orElseThrow();
		assertThat(reactive).isEqualTo(new CapacitySearch.Figure(8000, CapacitySearch.Limit.LOAD_GENERATOR));
		assertThat(reactive.describe()).isEqualTo("≥ 8,000 req/s");
		assertThat(CapacitySearch.capacity(Fixtures.comparison().resultsOf("keep-alive").getFirst())).isEmpty();
	}

	@Test
	void aSearchWhoseLastStepHeldGivesOnlyALowerBound() {
		ScenarioResult search = Fixtures.capacity(Contender.PLATFORM, 1, 2, false);
		ScenarioResult everyStepHeld = new ScenarioResult(search.stack(), search.scenario(), search.run(), true,
				search.gatlingReport(), search.requests().subList(0, 3), List.of(), search.app(),
				search.loadGeneratorCpuSeconds(), search.seconds(), search.steps().subList(0, 3));
		CapacitySearch.Figure figure = CapacitySearch.capacity(everyStepHeld).orElseThrow();
		assertThat(figure).isEqualTo(new CapacitySearch.Figure(4000, CapacitySearch.Limit.LAST_STEP));
		assertThat(figure.describe()).isEqualTo("≥ 4,000 req/s");
	}

	@Test
	void theSearchEndsTwoStepsPastAMissWithNoneHeldSinceOrWhenTheLoadGeneratorGivesOut() {
		Verdict held = Verdict.HELD;
		Verdict missed = Verdict.MISSED;
		assertThat(CapacitySearch.goOn(List.of())).isTrue();
		assertThat(CapacitySearch.goOn(List.of(held, missed, missed))).isTrue();
		assertThat(CapacitySearch.goOn(List.of(held, missed, missed, missed))).isFalse();
		// One spoiled step between two that held does not end it.
		assertThat(CapacitySearch.goOn(List.of(held, missed, held, missed, missed))).isTrue();
		assertThat(CapacitySearch.goOn(List.of(held, held, Verdict.LIMITED_BY_LOAD_GENERATOR))).isFalse();
	}

	private static RateStep step(double offered, long ok, long ko, int p99, double loadGeneratorCpu) {
		return new RateStep(offered,
				new RequestStats("GET /api/hello @ 1000/s", ok, ko, ok / 5.0, 2, 1, 2, 5, p99, p99, p99, p99), 5, 0.5,
				loadGeneratorCpu, 1);
	}

}
