package dev.stackbench.comparison.theory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verdicts of real runs recorded here (2 cores, app on one, Gatling on the other),
 * their {@code results.json} as they were written: two consecutive runs of the default
 * command (3 forks of each contender), an A/A run ({@code -Dmodels=platform,platform}, 3
 * forks) and two runs with a planted difference ({@code -Dhandicap=platform-2:22}, 22 µs
 * of CPU more per request for platform-2, about a quarter of what a request costs at
 * 3,000 req/s here; 3 forks).
 */
class RecordedVerdictsTests {

	private static final Path RECORDED = Path.of("src/test/resources/recorded");

	@Test
	void theSameContenderEnteredTwiceIsWithinNoiseOnEveryFigure() {
		Verdicts verdicts = Verdicts.of(read("a-a"));
		assertThat(verdicts.rows()).isNotEmpty();
		assertThat(verdicts.rows()).allSatisfy(
				(row) -> assertThat(row.winners()).as("%s: %s", row.measure().figure(), row.margin()).isEmpty());
	}

	/**
	 * 22 µs more CPU per request for platform-2: every fork of platform below every fork
	 * of platform-2 on the plain page's CPU per request in both runs, but by less than
	 * the rule asks of two contenders with 3 forks each (1.19 times the widest range, to
	 * keep identical contenders' false calls at 5% of tables), so the rows are ties with
	 * their medians the right way round; nothing is ever called the wrong way round.
	 */
	@Test
	void aPlantedDifferenceIsNeverCalledTheWrongWayRound() {
		for (String run : List.of("planted-1", "planted-2")) {
			Verdicts verdicts = Verdicts.of(read(run));
			assertThat(verdicts.rows()).as(run)
				.allSatisfy((row) -> assertThat(row.winners()).as(row.measure().figure())
					.doesNotContain(Contender.of("platform-2")));
			assertThat(verdicts.rows()).as(run)
				.filteredOn((row) -> row.measure().figure().startsWith("CPU per request"))
				.hasSize(2)
				.allSatisfy((row) -> assertThat(row.spreads().get(Contender.PLATFORM).median())
					.as("%s: the handicapped contender's median is the higher", row.measure().figure())
					.isLessThan(row.spreads().get(Contender.of("platform-2")).median()));
			assertThat(verdicts.rows()).as(run)
				.filteredOn((row) -> row.measure().figure().equals("CPU per request of /api/hello"))
				.singleElement()
				.satisfies((row) -> assertThat(row.spreads().get(Contender.PLATFORM).max())
					.as("every fork of platform below every fork of platform-2")
					.isLessThan(row.spreads().get(Contender.of("platform-2")).min()));
		}
	}

	@Test
	void twoRunsOfTheDefaultCommandNeverCallOppositeWinners() {
		Map<String, List<Contender>> first = called(Verdicts.of(read("quick-1")));
		Map<String, List<Contender>> second = called(Verdicts.of(read("quick-2")));
		first.forEach((figure, winners) -> {
			if (second.containsKey(figure)) {
				assertThat(second.get(figure)).as(figure).isEqualTo(winners);
			}
		});
		assertThat(first.keySet()
			.stream()
			.filter(second::containsKey)
			.filter((figure) -> first.get(figure).equals(second.get(figure)))).as("figures called alike in both runs")
			.hasSizeGreaterThanOrEqualTo(3)
			.as("one of them a cost per request")
			.anyMatch((figure) -> figure.endsWith("per request of /api/hello")
					|| figure.endsWith("per request of /api/json"));
	}

	@Test
	void theClosedLoopPeakThatTheLoadGeneratorLimitedIsCreditedToNoOne() {
		for (String run : List.of("quick-1", "quick-2")) {
			ComparisonResults results = read(run);
			if (SelfChecks.loadGeneratorLimited(results, "throughput")) {
				assertThat(Verdicts.of(results).rows())
					.filteredOn((row) -> row.measure().scenario().equals("throughput"))
					.allSatisfy((row) -> assertThat(row.winners()).isEmpty());
			}
		}
	}

	/** Every called figure's winners, by figure. */
	private static Map<String, List<Contender>> called(Verdicts verdicts) {
		return verdicts.rows()
			.stream()
			.filter(Verdicts.Row::beyondNoise)
			.collect(Collectors.toMap((row) -> row.measure().figure(), Verdicts.Row::winners));
	}

	private static ComparisonResults read(String run) {
		try {
			return Reports.read(RECORDED.resolve(run));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
