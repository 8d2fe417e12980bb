package dev.stackbench.comparison.theory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
	 * 22 µs more CPU per request for platform-2: in both runs platform is called the
	 * winner, beyond noise, on both pages' CPU per request, and platform-2 on nothing.
	 */
	@Test
	void aPlantedDifferenceIsCalledWithTheRightWinnerInBothRuns() {
		for (String run : List.of("planted-1", "planted-2")) {
			Verdicts verdicts = Verdicts.of(read(run));
			assertThat(verdicts.rows()).as(run)
				.allSatisfy((row) -> assertThat(row.winners()).as(row.measure().figure())
					.doesNotContain(Contender.of("platform-2")));
			assertThat(verdicts.rows()).as(run)
				.filteredOn((row) -> row.measure().figure().startsWith("CPU per request"))
				.hasSize(2)
				.allSatisfy((row) -> assertThat(row.winners()).as("%s: %s", row.measure().figure(), row.margin())
					.containsExactly(Contender.PLATFORM));
		}
	}

	@Test
	void twoRunsOfTheDefaultCommandNeverCallOppositeWinners() {
		Map<String, Set<Contender>> first = called(Verdicts.of(read("default-1")));
		Map<String, Set<Contender>> second = called(Verdicts.of(read("default-2")));
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

	/**
	 * Two earlier runs of the default when it still carried the closed loop's peak, which
	 * the load generator limited in both.
	 */
	@Test
	void theClosedLoopPeakThatTheLoadGeneratorLimitedIsCreditedToNoOne() {
		for (String run : List.of("peak-1", "peak-2")) {
			ComparisonResults results = read(run);
			if (SelfChecks.loadGeneratorLimited(results, "throughput")) {
				assertThat(Verdicts.of(results).rows())
					.filteredOn((row) -> row.measure().scenario().equals("throughput"))
					.allSatisfy((row) -> assertThat(row.winners()).isEmpty());
			}
		}
	}

	/**
	 * Every called figure's winners, by figure: a group of winners as a set, since a
	 * group is listed by its medians, which may swap places within it from run to run.
	 */
	private static Map<String, Set<Contender>> called(Verdicts verdicts) {
		return verdicts.rows()
			.stream()
			.filter(Verdicts.Row::beyondNoise)
			.collect(Collectors.toMap((row) -> row.measure().figure(), (row) -> Set.copyOf(row.winners())));
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
