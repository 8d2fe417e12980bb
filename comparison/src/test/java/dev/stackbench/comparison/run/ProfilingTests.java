package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.profile.FrameParts;
import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.report.SideBySide;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.ProfileEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dprofile} for real: a short comparison of the platform and reactive apps with
 * async-profiler loaded from its Maven artifact into each, its flame graphs and collapsed
 * stacks written, the samples grouped into parts, and both reports linking every flame
 * graph and the side-by-side view.
 */
class ProfilingTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void everyAppIsProfiledInAnExtraWindowAndTheReportLinksItsFlameGraphs(@TempDir Path output) throws Exception {
		Options options = new Options(ROOT, Preset.CI, List.of(Contender.PLATFORM, Contender.REACTIVE),
				List.of(Preset.CI.scenario("keep-alive")), Map.of(), 1, Optional.empty(), OptionalDouble.empty(),
				List.of(), false, Optional.empty(), 1, AppJvm.of("G1"), Optional.empty(), Optional.empty(),
				List.of(ProfileEvent.CPU, ProfileEvent.ALLOC));

		ComparisonResults results = Comparison.measure(options, output, CpuSplit.forThisMachine(Optional.empty()));
		SideBySide.writeAll(results.profiles(), results.stacks(), output);
		Reports.write(results, Optional.empty(), output);

		// keep-alive runs in two phases, each profiled on its own.
		assertThat(results.profiles())
			.extracting((profile) -> profile.stack().id() + " " + profile.phase() + " " + profile.event())
			.containsExactly("platform keep-alive cpu", "platform new connection per request cpu",
					"platform keep-alive alloc", "platform new connection per request alloc", "reactive keep-alive cpu",
					"reactive new connection per request cpu", "reactive keep-alive alloc",
					"reactive new connection per request alloc");
		for (Profile profile : results.profiles()) {
			Path folder = output.resolve(profile.folder());
			assertThat(folder).isEqualTo(output.resolve("profiles")
				.resolve(profile.stack().id())
				.resolve("keep-alive")
				.resolve(Profile.fileName(profile.phase())));
			assertThat(Files.readString(folder.resolve(profile.event().id() + ".html"))).contains("async-profiler");
			assertThat(folder.resolve(profile.event().id() + ".collapsed")).isNotEmptyFile();
			// The extra window served about as many requests as the measured one's
			// phase, counted by the app.
			assertThat(profile.profiled().requests()).isGreaterThan(profile.unprofiled().requests() / 3);
			assertThat(profile.unprofiled().requests()).isPositive();
			assertThat((double) profile.parts().get(FrameParts.OTHER) / profile.sampled()).isLessThan(0.15);
			assertThat(profile.measuredPerRequest()).isPresent();
		}
		String html = Files.readString(output.resolve("report.html"));
		String markdown = Files.readString(output.resolve("report.md"));
		for (String link : List.of("profiles/platform/keep-alive/keep-alive/cpu.html",
				"profiles/reactive/keep-alive/new-connection-per-request/alloc.html",
				"profiles/side-by-side/keep-alive-new-connection-per-request-cpu-platform-vs-reactive.html")) {
			assertThat(html).contains("<a href=\"" + link + "\">");
			assertThat(markdown).contains("](" + link + ")");
		}
		assertThat(markdown).contains("## Where a request's CPU goes").contains("## Where a request's allocations go");
		assertThat(output.resolve("profiles/side-by-side/keep-alive-keep-alive-alloc-platform-vs-reactive.html"))
			.content()
			.contains("Differential flame graph");
	}

}
