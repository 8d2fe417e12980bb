package dev.stackbench.gatling.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import io.gatling.charts.stats.CountsVsTimePlot;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.core.stats.ErrorStats;
import io.gatling.shared.model.assertion.AssertionStatsRepository$StatsPath$Request;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs one simulation inside this JVM, the way Gatling's own launcher does, and reads its results back from the
 * run's log with Gatling's own reader, so every number matches the HTML report it wrote beside it.
 */
final class GatlingRun {

	/** Gatling's exit code when the run completed but an assertion failed. */
	private static final int ASSERTIONS_FAILED = 2;

	private GatlingRun() {
	}

	/**
	 * Runs {@code simulation} with {@code parameters} as system properties (how simulations read their load shape)
	 * and writes its report under {@code resultsDirectory}.
	 */
	static Outcome run(String simulation, Map<String, String> parameters, Path resultsDirectory) throws IOException {
		parameters.forEach(System::setProperty);
		int status;
		try {
			status = Gatling$.MODULE$.fromArgs(new String[] { "--simulation", simulation, "--results-folder",
					resultsDirectory.toString(), "--launcher", "stackbench" });
		}
		finally {
			parameters.keySet().forEach(System::clearProperty);
		}
		Path report = latestRunIn(resultsDirectory);
		if (status != 0 && status != ASSERTIONS_FAILED) {
			throw new IllegalStateException("Gatling could not run " + simulation + " (exit code " + status + ")");
		}
		return read(report, status == 0);
	}

	/** Reads a finished run's log: one row per request name, and the errors by message. */
	static Outcome read(Path report, boolean assertionsPassed) {
		LogFileData data = new LogFileReader(report.resolve("simulation.log").toFile(), GatlingConfiguration$.MODULE$.load())
			.read();
		List<RequestStats> requests = new ArrayList<>();
		for (AssertionStatsRepository$StatsPath$Request path : CollectionConverters.asJava(data.allRequestPaths())) {
			Option<String> name = Option.apply(path.request());
			GeneralStats all = data.requestGeneralStats(name, Option.empty(), Option.empty()).get();
			long ok = data.requestGeneralStats(name, Option.empty(), Option.apply(io.gatling.commons.stats.OK$.MODULE$))
				.map(GeneralStats::count)
				.getOrElse(() -> 0L);
			requests.add(new RequestStats(path.request(), ok, all.count() - ok,
					sustainedThroughput(CollectionConverters.asJava(data.numberOfResponsesPerSecond(name, Option.empty()))),
					percentile(all, 50), percentile(all, 95), percentile(all, 99), all.max()));
		}
		List<ErrorCount> errors = CollectionConverters.asJava(data.errors(Option.empty(), Option.empty()))
			.stream()
			.map((ErrorStats error) -> new ErrorCount(error.message(), error.count()))
			.toList();
		return new Outcome(report, assertionsPassed, requests, errors);
	}

	/**
	 * OK responses a second over the full seconds in which this request was answered: the first and last seconds
	 * are partial (the step started or ended within them), so they are left out when there are enough others.
	 */
	static double sustainedThroughput(List<CountsVsTimePlot> perSecond) {
		List<Integer> answered = perSecond.stream()
			.filter((bucket) -> bucket.oks() + bucket.kos() > 0)
			.map(CountsVsTimePlot::oks)
			.toList();
		if (answered.size() >= 3) {
			answered = answered.subList(1, answered.size() - 1);
		}
		return answered.stream().mapToInt(Integer::intValue).average().orElse(0);
	}

	private static int percentile(GeneralStats stats, double rank) {
		return ((Number) stats.percentile().apply(rank)).intValue();
	}

	private static Path latestRunIn(Path resultsDirectory) throws IOException {
		try (Stream<Path> runs = Files.list(resultsDirectory)) {
			return runs.filter(Files::isDirectory)
				.max(java.util.Comparator.comparing(Path::getFileName))
				.orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + resultsDirectory));
		}
	}

	/**
	 * What a run left: its report folder, whether its assertions held, its rows and its errors.
	 */
	record Outcome(Path report, boolean assertionsPassed, List<RequestStats> requests, List<ErrorCount> errors) {
	}

	/** An error message from the report's error table and how often it occurred. */
	record ErrorCount(String message, int count) {
	}

}
