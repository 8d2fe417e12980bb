package dev.stackbench.comparison.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.gatling.charts.stats.CountsVsTimePlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.RequestStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/**
 * Reads logs recorded from real runs with the pinned Gatling, so an upgrade that changes
 * the format shows here.
 */
class GatlingRunTests {

	private static final Path RUNS = Path.of("src/test/resources/gatling-runs");

	@Test
	void theLatestRunInAFolderIsTheLastStartedWhateverItsSimulation(@TempDir Path folder) throws Exception {
		// A warm-up's folder: closed-loop rounds, then arrivals. By name alone, the last
		// closed-loop round would be read as the arrivals' run.
		for (String run : List.of("throughputsimulation-20261206052128945", "openratesimulation-20261206052132093",
				"openratesimulation-20261206052134334")) {
			Files.createDirectories(folder.resolve(run));
		}
		assertThat(GatlingRun.latestRunIn(folder).getFileName()).hasToString("openratesimulation-20261206052134334");
	}

	@Test
	void readsOneRowPerRequestNameWithItsFailures() {
		GatlingRun.Outcome smoke = GatlingRun.read(RUNS.resolve("smoke-with-a-timeout"), false);
		assertThat(smoke.requests()).extracting(RequestStats::name)
			.containsExactlyInAnyOrder("hello", "json", "slow", "cpu", "echo", "bad parameter", "unknown path");
		RequestStats echo = smoke.requests()
			.stream()
			.filter((row) -> row.name().equals("echo"))
			.findFirst()
			.orElseThrow();
		assertThat(echo.ok()).isEqualTo(2);
		assertThat(echo.ko()).isEqualTo(1);
		assertThat(echo.max()).isGreaterThanOrEqualTo(60_000);
		assertThat(smoke.errors()).singleElement()
			.extracting(ErrorCount::message)
			.asString()
			.startsWith("Request timeout to 127.0.0.1");
		assertThat(smoke.assertionsPassed()).isFalse();
	}

	@Test
	void readsEachAssertionsResultFromTheLogAsGatlingJudgedIt() {
		// The smoke run failed (a request timed out): its exit code said so; each
		// assertion's result is read from the log, the one that failed with its value.
		GatlingRun.Outcome smoke = GatlingRun.read(RUNS.resolve("smoke-with-a-timeout"), false);
		assertThat(smoke.assertions()).isNotEmpty();
		assertThat(smoke.assertions()).filteredOn((assertion) -> !assertion.passed())
			.isNotEmpty()
			.allSatisfy((failed) -> assertThat(failed.actual()).isNotBlank());
		assertThat(smoke.assertions())
			.extracting(GatlingAssertion::assertion, GatlingAssertion::passed, GatlingAssertion::actual)
			.containsExactly(tuple("Global: count of failed events is 0.0", false, "1"),
					tuple("Global: count of all events is 21.0", true, "21"));
		GatlingRun.Outcome slow = GatlingRun.read(RUNS.resolve("slow-rate-50-per-second"), true);
		assertThat(slow.assertions()).isNotEmpty().allMatch(GatlingAssertion::passed);
	}

	@Test
	void throughputIsTheRateOverFullSecondsAndPercentilesComeFromTheLog() {
		GatlingRun.Outcome slow = GatlingRun.read(RUNS.resolve("slow-rate-50-per-second"), true);
		RequestStats row = slow.requests().getFirst();
		assertThat(row.count()).isEqualTo(400);
		assertThat(row.throughput()).isCloseTo(50, within(2.0));
		assertThat(row.p50()).isBetween(200, 230);
		assertThat(row.p99()).isGreaterThanOrEqualTo(row.p95())
			.isGreaterThanOrEqualTo(row.p90())
			.isGreaterThanOrEqualTo(row.p50());
		assertThat(row.p999()).isGreaterThanOrEqualTo(row.p99()).isLessThanOrEqualTo(row.max());
		assertThat(row.mean()).isBetween(row.p50() - 10, row.p99());
	}

	@Test
	void partialFirstAndLastSecondsAreLeftOut() {
		List<CountsVsTimePlot> perSecond = List.of(new CountsVsTimePlot(0, 0, 0), new CountsVsTimePlot(1, 30, 0),
				new CountsVsTimePlot(2, 100, 0), new CountsVsTimePlot(3, 90, 10), new CountsVsTimePlot(4, 5, 0));
		assertThat(GatlingRun.sustainedThroughput(perSecond)).isCloseTo(95, within(1e-9));
		assertThat(GatlingRun.sustainedThroughput(List.of(new CountsVsTimePlot(0, 7, 0)))).isEqualTo(7);
	}

}
