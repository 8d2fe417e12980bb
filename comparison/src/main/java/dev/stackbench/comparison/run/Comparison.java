package dev.stackbench.comparison.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stackbench.comparison.report.MarkdownReport;
import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.report.SideBySide;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Analysis;
import io.gatling.app.Gatling;

/**
 * The main job: measure every stack ({@link Runner}), check the results against theory,
 * write {@code results.json}, {@code report.md}, {@code report.html}, {@code summary.md}
 * and {@code junit.xml} into {@code comparisons/<timestamp>/} at the project's root, and
 * exit non-zero when asked to and an assertion failed, an app died or a figure regressed
 * against the baseline.
 */
public final class Comparison {

	private Comparison() {
	}

	/**
	 * Runs the comparison that the command line and the system properties ask for (their
	 * options: {@link OptionsCommand}, {@code --help}), then exits with its status.
	 */
	public static void main(String[] args) throws Exception {
		System.exit(OptionsCommand.execute(args, System.getProperties(), new PrintWriter(System.out, true),
				new PrintWriter(System.err, true), Comparison::run));
	}

	private static int run(Options options) throws Exception {
		Optional<ComparisonResults> baseline = options.baseline().isPresent()
				? Optional.of(Reports.read(options.baseline().get())) : Optional.empty();
		Path output = options.root()
			.resolve("comparisons")
			.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
		Files.createDirectories(output);
		CpuSplit cpus = options.isRemote() ? CpuSplit.unpinned() : CpuSplit.forThisMachine(options.appCores());
		cpus.pinThisProcess();
		ComparisonResults results = measure(options, output, cpus);
		Analysis analysis = Analysis.of(results, baseline);
		Reports.write(analysis, options.failOnRegression(), output);
		try {
			SideBySide.writeAll(results.profiles(), results.stacks(), output);
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("stackbench: the side-by-side views of the profiles could not be written: " + ex);
		}
		System.out.println();
		System.out.println(MarkdownReport.summary(analysis));
		System.out.println("stackbench: reports in " + output.toAbsolutePath());
		System.out.println("  " + output.resolve("report.html").toAbsolutePath());
		int status = 0;
		if (options.failOnAssertions() && !results.allAssertionsPassed()) {
			System.err.println("stackbench: assertions failed in " + results.results()
				.stream()
				.filter((result) -> !result.assertionsPassed())
				.map((result) -> result.stack().id() + "/" + result.scenario().id())
				.distinct()
				.toList());
			status = 1;
		}
		if (options.failOnAssertions() && !results.deaths().isEmpty()) {
			// The rest of a dead app's fork was skipped, so no assertion of it failed.
			System.err.println("stackbench: apps died: " + results.deaths()
				.stream()
				.map((death) -> death.stack().id() + " (fork " + death.run() + ", " + death.during() + "): "
						+ death.inWords())
				.toList());
			status = 1;
		}
		if (options.failOnRegression().isPresent()) {
			List<String> regressions = analysis.regressions(options.failOnRegression().getAsDouble());
			if (!regressions.isEmpty()) {
				System.err.println("stackbench: regressed beyond noise by more than "
						+ options.failOnRegression().getAsDouble() + "% against " + options.baseline().get() + ":");
				regressions.forEach((regression) -> System.err.println("  " + regression));
				status = 1;
			}
			else {
				System.out
					.println("stackbench: no figure regressed by more than " + options.failOnRegression().getAsDouble()
							+ "% beyond noise against " + options.baseline().get());
			}
		}
		return status;
	}

	static ComparisonResults measure(Options options, Path output, CpuSplit cpus) throws IOException {
		Instant started = Instant.now();
		System.out.println("stackbench: preset " + options.preset().id() + ", models "
				+ options.stacks().stream().map((stack) -> stack.id()).toList() + ", scenarios "
				+ options.scenarios().stream().map((scenario) -> scenario.id()).toList()
				+ ((options.repeat() > 1) ? ", " + options.repeat() + " runs each, interleaved" : ""));
		System.out.println("stackbench: "
				+ (options.isRemote() ? "remote apps, loaded from this machine" : "cores " + cpus.describe()));
		Runner runner = new Runner(options, output, cpus);
		runner.measureEveryStack();
		Map<String, String> versions = runner.versions();
		versions.put("gatling", version("gatling.version", Gatling.class));
		versions.put("stackbench", version("stackbench.version", Comparison.class));
		List<ScenarioResult> results = runner.results();
		return new ComparisonResults(ComparisonResults.SCHEMA_VERSION, options.preset().id(), options.repeat(), started,
				Instant.now(),
				Machine.describe(versions, cpus, options.isRemote(), options.jvm().withAot(runner.aot())),
				options.stacks(), options.scenarios(), runner.tuning(), results, runner.warmUps(),
				runner.idleFootprints(), runner.deaths(), runner.profiles());
	}

	/**
	 * A version from its system property (the compare profile passes it), else from the
	 * manifest of the jar that holds {@code type} (java -jar).
	 */
	private static String version(String property, Class<?> type) {
		return Optional.ofNullable(System.getProperty(property))
			.filter((version) -> !version.isBlank())
			.or(() -> Optional.ofNullable(type.getPackage().getImplementationVersion()))
			.orElse("unknown");
	}

}
