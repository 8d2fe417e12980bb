package dev.stackbench.comparison.theory;

import java.util.List;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictsTests {

	@Test
	void aSpreadIsTheMedianWithTheLowestAndHighestRun() {
		assertThat(Spread.of(List.of(3.0, 1.0, 2.0))).isEqualTo(new Spread(2, 1, 3, 3));
		assertThat(Spread.of(List.of(4.0, 1.0))).isEqualTo(new Spread(2.5, 1, 4, 2));
		assertThat(Spread.of(List.of(1200.0, 1000.0, 1100.0)).text(0)).isEqualTo("1,100 (1,000–1,200)");
		assertThat(Spread.of(List.of(7.0)).text(0)).isEqualTo("7");
		assertThat(new Spread(2, 1, 3, 3).overlaps(new Spread(5, 3, 6, 3))).isTrue();
		assertThat(new Spread(2, 1, 3, 3).overlaps(new Spread(5, 3.5, 6, 3))).isFalse();
	}

	@Test
	void theBestStackIsBeyondNoiseOnlyWhenEveryRunAgrees() {
		Verdicts.Row apart = row(Fixtures.repeated(0.05), "keep-alive", "throughput with keep-alive");
		assertThat(apart.best()).contains(Contender.PLATFORM);
		assertThat(apart.spreads().get(Contender.PLATFORM)).isEqualTo(new Spread(3000, 2850, 3150, 3));
		assertThat(apart.beyondNoise()).isTrue();
		assertThat(apart.margin()).isEqualTo("platform 20% more than virtual; beyond noise: every run agrees");

		Verdicts.Row overlapping = row(Fixtures.repeated(0.3), "keep-alive", "throughput with keep-alive");
		assertThat(overlapping.best()).contains(Contender.PLATFORM);
		assertThat(overlapping.beyondNoise()).isFalse();
		assertThat(overlapping.margin()).endsWith("within noise: the ranges overlap");
	}

	@Test
	void oneRunSaysPlainlyThatItCannotSeparateSmallDifferences() {
		Verdicts.Row single = row(Fixtures.comparison(), "keep-alive", "throughput with keep-alive");
		assertThat(single.beyondNoise()).isFalse();
		assertThat(single.margin()).contains("one run cannot tell this from the machine's noise");
	}

	@Test
	void lowerIsBetterForLatencyAndCapacityLeadsItsScenario() {
		ComparisonResults results = Fixtures.repeated(0.05);
		Verdicts.Row capacity = row(results, "capacity", "capacity at p99 ≤ 25 ms (/api/hello)");
		assertThat(capacity.best()).contains(Contender.REACTIVE);
		assertThat(capacity.margin()).contains("reactive 100% more than platform")
			.contains("the load generator was a limit in this scenario");
		Verdicts.Row p99 = row(results, "capacity", "p99 at 1,000 req/s offered");
		assertThat(p99.measure().better()).isEqualTo(Headlines.Better.LOWER);
		assertThat(p99.best()).isEmpty();
		assertThat(p99.margin()).startsWith("platform, virtual and reactive tie; within noise: the ranges overlap");
	}

	@Test
	void closedLoopFiguresAreLabelledAndCarryNoLatency() {
		List<Headlines.Measure> measures = Headlines.of(Fixtures.comparison());
		assertThat(measures).filteredOn(Headlines.Measure::closedLoop).noneMatch(Headlines.Measure::latency);
		assertThat(measures).filteredOn(Headlines.Measure::latency).allMatch((measure) -> !measure.closedLoop());
	}

	private static Verdicts.Row row(ComparisonResults results, String scenario, String figure) {
		return Verdicts.rows(results)
			.stream()
			.filter((row) -> row.measure().scenario().equals(scenario) && row.measure().figure().equals(figure))
			.findFirst()
			.orElseThrow();
	}

}
