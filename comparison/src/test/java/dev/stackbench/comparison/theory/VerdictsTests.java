package dev.stackbench.comparison.theory;

import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.IntStream;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.Headlines.Measure;
import org.assertj.core.data.Offset;
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
	void aDifferenceIsCalledOnlyPastTheRunsOwnNoiseWithItsMarginAsARange() {
		Verdicts.Row apart = row(Fixtures.repeated(0.05), "keep-alive", "throughput with keep-alive");
		assertThat(apart.spreads().get(Contender.PLATFORM)).isEqualTo(new Spread(3000, 2850, 3150, 3));
		assertThat(apart.beyondNoise()).isTrue();
		// Both splits are called, platform ahead of the rest and platform and virtual
		// ahead of reactive; the clearer one leads (a gap of 275 against 225).
		assertThat(apart.winners()).containsExactly(Contender.PLATFORM, Contender.VIRTUAL);
		assertThat(apart.best()).isEmpty();
		// 2,500 against 2,000; the closest forks 2,375 against 2,100, the farthest 2,625
		// against 1,900. Then 3,000 against 2,500, 2,850 against 2,625, 3,150 against
		// 2,375.
		assertThat(apart.margin()).isEqualTo("platform and virtual 25% (13–38%) more than reactive; beyond noise; "
				+ "platform 20% (9–33%) more than virtual and reactive, also beyond noise");

		Verdicts.Row overlapping = row(Fixtures.repeated(0.3), "keep-alive", "throughput with keep-alive");
		assertThat(overlapping.best()).isEmpty();
		assertThat(overlapping.beyondNoise()).isFalse();
		assertThat(overlapping.margin()).startsWith("tie within noise (spread 60%)");
	}

	@Test
	void rangesThatOverlapAreNeverCalledHoweverFarApartTheMedians() {
		// Medians 2,000 apart, but one fork of virtual reaches platform's lowest.
		Verdicts.Row row = Verdicts.row(measure(Headlines.Better.HIGHER),
				spreads(new Spread(3000, 2500, 3100, 3), new Spread(1000, 900, 2500, 3)), false, 1);
		assertThat(row.best()).isEmpty();
		assertThat(row.margin()).startsWith("tie within noise");
		Verdicts.Row latency = Verdicts.row(measure(Headlines.Better.LOWER),
				spreads(new Spread(3, 3, 4, 3), new Spread(9, 4, 9, 3)), false, 1);
		assertThat(latency.best()).isEmpty();
	}

	@Test
	void rangesJustApartAreNotEnoughWhenTheGapIsSmallAgainstTheSpread() {
		// Apart by 10 with ranges of 1,000: identical contenders do that often.
		Verdicts.Row row = Verdicts.row(measure(Headlines.Better.HIGHER),
				spreads(new Spread(3000, 2510, 3500, 3), new Spread(2000, 1500, 2500, 3)), false, 10);
		assertThat(row.best()).isEmpty();
		Verdicts.Row clear = Verdicts.row(measure(Headlines.Better.HIGHER),
				spreads(new Spread(3000, 2900, 3100, 3), new Spread(2000, 1900, 2100, 3)), false, 10);
		assertThat(clear.best()).contains(Contender.PLATFORM);
		assertThat(clear.winners()).containsExactly(Contender.PLATFORM);
		assertThat(clear.margin()).isEqualTo("platform 50% (38–63%) more than virtual; beyond noise");
	}

	@Test
	void aFigureTheLoadGeneratorLimitedIsCreditedToNoContender() {
		Verdicts.Row row = Verdicts.row(measure(Headlines.Better.HIGHER),
				spreads(new Spread(30000, 29900, 30100, 3), new Spread(10000, 9900, 10100, 3)), true, 1);
		assertThat(row.best()).isEmpty();
		assertThat(row.beyondNoise()).isFalse();
		assertThat(row.limitedByLoadGenerator()).isTrue();
		assertThat(row.margin()).startsWith("limited by the load generator");
		// In the fixture, reactive's capacity search was ended by the load generator.
		Verdicts.Row capacity = row(Fixtures.repeated(0.05), "capacity", "capacity at p99 ≤ 25 ms (/api/hello)");
		assertThat(capacity.best()).isEmpty();
		assertThat(capacity.margin()).contains("reactive's median 100% more than platform's");
	}

	@Test
	void oneRunSaysPlainlyThatItCannotSeparateSmallDifferences() {
		Verdicts.Row single = row(Fixtures.comparison(), "keep-alive", "throughput with keep-alive");
		assertThat(single.beyondNoise()).isFalse();
		assertThat(single.best()).isEmpty();
		assertThat(single.margin()).contains("one fork cannot tell this from the machine's noise");
		assertThat(Verdicts.of(Fixtures.comparison()).noise().inWords()).contains("this run cannot measure");
	}

	@Test
	void forksWithNoVerdictFigureSayTheirRangesAreInTheTablesNotThatThereWasOneFork() {
		// An overhead-only run: forks, but nothing in the verdict table.
		Verdicts.Noise none = new Verdicts.Noise(Optional.empty(), Optional.empty(), 0, Optional.empty(), 2);
		assertThat(none.inWords()).startsWith("2 forks of each contender, but no figure of the verdict table")
			.doesNotContain("One fork");
	}

	@Test
	void lowerIsBetterForLatency() {
		Verdicts.Row p99 = row(Fixtures.repeated(0.05), "capacity", "p99 at 1,000 req/s offered");
		assertThat(p99.measure().better()).isEqualTo(Headlines.Better.LOWER);
		assertThat(p99.best()).isEmpty();
	}

	@Test
	void theReportOpensWithTheNoiseTheRunMeasuredAndTheRulesErrorRate() {
		Verdicts verdicts = Verdicts.of(Fixtures.repeated(0.05));
		// Every figure of the fixture moves by ±5%: a range of 10% of the median.
		assertThat(verdicts.noise().spread()).isCloseTo(0.10, Offset.offset(0.001));
		assertThat(verdicts.noise().inWords()).startsWith("In this run the same stack's figures varied by up to 10%")
			.contains("false difference")
			.contains("% of verdict tables of");
		assertThat(verdicts.noise().threshold().orElseThrow().perTable()).isLessThanOrEqualTo(0.05);
	}

	@Test
	void theRuleHoldsTheTablesFalseCallRateAtFivePercent() {
		for (int contenders = 2; contenders <= 4; contenders++) {
			for (int forks = 2; forks <= 5; forks++) {
				for (int figures : new int[] { 1, 5, 12, 30 }) {
					NoiseRule.Threshold threshold = NoiseRule.threshold(contenders, forks, figures);
					assertThat(threshold.perTable())
						.as("%d contenders, %d forks, %d figures", contenders, forks, figures)
						.isLessThanOrEqualTo(NoiseRule.TABLE_ERROR_RATE);
				}
			}
		}
		// Ranges alone call a false difference between two contenders of 3 forks 2 times
		// in 20: the rule must ask for more.
		assertThat(NoiseRule.threshold(2, 3, 1).k()).isGreaterThan(0);
	}

	@Test
	void identicalContendersDrawnAfreshAreCalledDifferentAtTheStatedRate() {
		// Tables of 10 figures, 2 identical contenders of 3 forks, noise of 10%, on draws
		// apart from the ones the threshold came from.
		Random random = new Random(7);
		int tables = 4_000;
		int wrong = 0;
		for (int table = 0; table < tables; table++) {
			boolean called = false;
			for (int figure = 0; figure < 10; figure++) {
				called |= Verdicts
					.row(measure(Headlines.Better.HIGHER),
							spreads(Spread.of(draws(random, 3)), Spread.of(draws(random, 3))), false, 10)
					.beyondNoise();
			}
			wrong += called ? 1 : 0;
		}
		// 5% stated; the slack is this check's own sampling error (about 0.35%, twice).
		assertThat((double) wrong / tables).isLessThanOrEqualTo(0.057);
	}

	private static List<Double> draws(Random random, int forks) {
		return IntStream.range(0, forks).mapToObj((fork) -> 1000 * (1 + 0.1 * random.nextGaussian())).toList();
	}

	private static Measure measure(Headlines.Better better) {
		return new Measure("s", "figure", "req/s", better, false, false, false, (run) -> OptionalDouble.empty());
	}

	private static Map<Contender, Spread> spreads(Spread platform, Spread virtual) {
		Map<Contender, Spread> spreads = new LinkedHashMap<>();
		spreads.put(Contender.PLATFORM, platform);
		spreads.put(Contender.VIRTUAL, virtual);
		return spreads;
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
