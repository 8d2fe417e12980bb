package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.CostWindow;
import dev.stackbench.comparison.result.OverheadPair;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.scenario.Overhead;
import dev.stackbench.comparison.scenario.ScenarioTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overhead scenario for real, briefly: each stack's bare Spring Boot app started
 * beside its app with the serving model's profile, both loaded at once, each one's cost
 * read from its own process, the bare app stopped after, and the report's table.
 */
class OverheadRunTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void eachAppIsPairedWithItsBareSpringBootAppLoadedAtOnce(@TempDir Path output) throws Exception {
		Scenario overhead = new Scenario("overhead", ScenarioTypes.of("overhead"),
				new Overhead.Load(List.of("/api/hello"), 500, 4, 2, 16, 1, false));
		// The same pairs with a second bare app in the app's place.
		Scenario aa = new Scenario("overhead-aa", ScenarioTypes.of("overhead"),
				new Overhead.Load(List.of("/api/hello"), 500, 4, 1, 16, 1, true));
		Options options = new Options(ROOT, Preset.CI, List.of(Contender.VIRTUAL, Contender.REACTIVE),
				List.of(overhead, aa), Map.of(), 1, Optional.empty(), OptionalDouble.empty(), List.of(), false,
				Optional.empty(), 1, AppJvm.of("G1"), Optional.empty(), Optional.empty(), List.of());

		ComparisonResults results = Comparison.measure(options, output, CpuSplit.forThisMachine(Optional.empty()));
		Reports.write(results, Optional.empty(), output);

		assertThat(results.results()).hasSize(4);
		results.results().forEach((run) -> {
			assertThat(run.assertionsPassed()).as(run.stack().id()).isTrue();
			assertThat(run.overheadPairs()).extracting(OverheadPair::pair)
				.containsExactlyElementsOf(run.scenario().id().equals("overhead") ? List.of(1, 2) : List.of(1));
			for (OverheadPair pair : run.overheadPairs()) {
				for (CostWindow window : List.of(pair.app(), pair.bare())) {
					// 500 arrivals a second on each app for 4 s, each one's process read.
					assertThat(window.answered()).isBetween(1_950L, 2_000L);
					assertThat(window.cpuMicrosPerRequest()).isPresent();
					assertThat(window.allocatedBytesPerRequest()).isPresent();
				}
				assertThat(pair.cpuRatio()).isPresent();
				// Read every half second while the load came: the slices the load filled.
				assertThat(pair.sliceRatios()).hasSizeGreaterThanOrEqualTo(3)
					.allSatisfy((ratio) -> assertThat(ratio).isBetween(0.2, 5.0));
				assertThat(pair.bareThroughput()).isPositive();
			}
		});
		// Each bare app ran with its serving model's profile, and was stopped after.
		assertThat(output.resolve("logs/virtual-bare.log")).content()
			.contains("The following 1 profile is active: \"virtual\"");
		// The A/A run's second bare app, with a log of its own.
		assertThat(output.resolve("logs/virtual-bare-2.log")).content()
			.contains("The following 1 profile is active: \"virtual\"");
		assertThat(output.resolve("logs/reactive-bare.log")).content().contains("Netty started on port");
		assertThat(ProcessHandle.allProcesses()
			.filter((process) -> process.info().commandLine().orElse("").contains(ROOT.resolve("bare-").toString()))
			.toList()).isEmpty();
		assertThat(Files.readString(output.resolve("report.md"))).contains("## " + Overhead.TABLE)
			// Both pairs counted; on a noisy machine one may be left out as not sustained
			// ("1 of 2 (...)").
			.containsPattern("\\| /api/hello \\| virtual \\| (\\d of )?2[ |]")
			.containsPattern("\\| /api/hello \\| reactive \\| (\\d of )?2[ |]")
			.contains("| /api/hello | reactive (A/A: bare against bare) |");
	}

}
