package dev.stackbench.comparison.theory;

import java.util.ArrayList;
import java.util.List;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BaselineTests {

	private final ComparisonResults baseline = Fixtures.repeated(0.05);

	@Test
	void theSameRunAgainIsNoRegression() {
		assertThat(Baseline.regressions(this.baseline, Fixtures.repeated(0.05), 20)).isEmpty();
		assertThat(Baseline.changes(this.baseline, Fixtures.repeated(0.05))).isNotEmpty()
			.noneMatch(Baseline.Change::beyondNoise);
	}

	@Test
	void aCapacityThatFellBeyondNoiseByMoreThanTheThresholdIsARegression() {
		// Platform's capacity search now holds only its first step: 1,000 req/s where it
		// held 4,000.
		ComparisonResults now = withPlatformCapacity(0);
		assertThat(Baseline.regressions(this.baseline, now, 20))
			.containsExactly("capacity, capacity at p99 ≤ 25 ms (/api/hello) on platform: "
					+ "4,000 (4,000–4,000) → 1,000 (1,000–1,000) req/s (-75%)");
		assertThat(Baseline.regressions(this.baseline, now, 80)).as("within a threshold of 80%").isEmpty();
		assertThat(Baseline.regressions(now, this.baseline, 20)).as("an improvement is no regression").isEmpty();
	}

	@Test
	void aChangeWithinTheRunsRangesIsNoise() {
		ComparisonResults wide = Fixtures.repeated(0.3);
		assertThat(Baseline.changes(this.baseline, wide))
			.filteredOn((change) -> change.measure().scenario().equals("keep-alive"))
			.noneMatch(Baseline.Change::beyondNoise);
	}

	@Test
	void aLatencyMustMoveByFiveMillisecondsToBeBeyondNoise() {
		Headlines.Measure p99 = Headlines.of(this.baseline)
			.stream()
			.filter((measure) -> measure.latency())
			.findFirst()
			.orElseThrow();
		Baseline.Change small = new Baseline.Change(p99, Contender.PLATFORM,
				new dev.stackbench.comparison.result.Spread(1, 1, 1, 3),
				new dev.stackbench.comparison.result.Spread(4, 4, 4, 3));
		assertThat(small.percent()).isEqualTo(300);
		assertThat(small.beyondNoise()).isFalse();
		Baseline.Change large = new Baseline.Change(p99, Contender.PLATFORM,
				new dev.stackbench.comparison.result.Spread(10, 9, 11, 3),
				new dev.stackbench.comparison.result.Spread(40, 35, 45, 3));
		assertThat(large.beyondNoise()).isTrue();
		assertThat(large.worse()).isTrue();
	}

	private ComparisonResults withPlatformCapacity(int lastHeld) {
		ComparisonResults now = Fixtures.repeated(0.05);
		List<ScenarioResult> results = new ArrayList<>();
		for (ScenarioResult result : now.results()) {
			boolean platformCapacity = result.stack() == Contender.PLATFORM
					&& result.scenario().id().equals("capacity");
			results
				.add(platformCapacity ? Fixtures.capacity(Contender.PLATFORM, result.run(), lastHeld, false) : result);
		}
		return Fixtures.comparison(now.stacks(), now.repeat(), results);
	}

}
