package dev.stackbench.comparison.run;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.gatling.simulation.SimulationLoad;
import io.gatling.javaapi.core.Simulation;
import io.gatling.app.Gatling$;
import io.gatling.charts.stats.CountsVsTimePlot;
import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.charts.stats.Percentiles;
import io.gatling.charts.stats.PercentilesVsTimePlot;
import io.gatling.commons.stats.OK$;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.core.stats.ErrorStats;
import io.gatling.shared.model.assertion.AssertionMessage;
import io.gatling.shared.model.assertion.AssertionResult;
import io.gatling.shared.model.assertion.AssertionStatsRepository$StatsPath$Request;
import io.gatling.shared.model.assertion.AssertionValidator;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Runs one simulation inside this JVM, the way Gatling's own launcher does, and reads its
 * results back from the run's log with Gatling's own reader, so every number matches the
 * HTML report it wrote beside it. The only class of the comparison that touches Gatling.
 */
final class GatlingRun {

	/** Gatling's exit code when the run completed but an assertion failed. */
	private static final int ASSERTIONS_FAILED = 2;

	private GatlingRun() {
	}

	/**
	 * Runs {@code simulation} against the target's base URL with its typed load as one
	 * system property ({@link SimulationLoad#PROPERTY}, how simulations read their load)
	 * and writes its log, and its HTML report, under {@code resultsDirectory}.
	 * @param remote whether the app is on another machine, which a simulation refuses
	 * unless told it is meant
	 * @param htmlReport whether Gatling writes its HTML report: not for a warm-up or a
	 * capacity search's later steps, where it would only cost a second or two of the load
	 * generator's CPU each time
	 */
	static Outcome run(Class<? extends Simulation> simulation, Record load, Target target, boolean remote,
			Path resultsDirectory, boolean htmlReport) throws IOException {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put(SimulationLoad.PROPERTY, SimulationLoad.toJson(load));
		properties.put("baseUrl", target.baseUrl().toString());
		if (target.isBare()) {
			properties.put(SimulationLoad.BARE_APP, "true");
		}
		if (remote) {
			properties.put("allowRemote", "true");
		}
		properties.forEach(System::setProperty);
		int status;
		try {
			List<String> arguments = new ArrayList<>(List.of("--simulation", simulation.getName(), "--results-folder",
					resultsDirectory.toString(), "--launcher", "stackbench"));
			if (!htmlReport) {
				arguments.add("--no-reports");
			}
			status = Gatling$.MODULE$.fromArgs(arguments.toArray(String[]::new));
		}
		finally {
			properties.keySet().forEach(System::clearProperty);
		}
		if (status != 0 && status != ASSERTIONS_FAILED) {
			throw new IllegalStateException(
					"Gatling could not run " + simulation.getSimpleName() + " (exit code " + status + ")");
		}
		return read(latestRunIn(resultsDirectory), status == 0);
	}

	/**
	 * Reads a finished run's log: one row per request name, the errors by message, and
	 * each assertion's result, judged by Gatling's own validator on the same data as the
	 * run's exit code was.
	 */
	static Outcome read(Path report, boolean assertionsPassed) {
		LogFileData data = new LogFileReader(report.resolve("simulation.log").toFile(),
				GatlingConfiguration$.MODULE$.load())
			.read();
		List<RequestStats> requests = new ArrayList<>();
		for (AssertionStatsRepository$StatsPath$Request path : CollectionConverters.asJava(data.allRequestPaths())) {
			Option<String> name = Option.apply(path.request());
			GeneralStats all = data.requestGeneralStats(name, Option.empty(), Option.empty()).get();
			long ok = data.requestGeneralStats(name, Option.empty(), Option.apply(OK$.MODULE$))
				.map(GeneralStats::count)
				.getOrElse(() -> 0L);
			requests.add(new RequestStats(path.request(), ok, all.count() - ok,
					sustainedThroughput(
							CollectionConverters.asJava(data.numberOfResponsesPerSecond(name, Option.empty()))),
					all.mean(), percentile(all, 50), percentile(all, 90), percentile(all, 95), percentile(all, 99),
					percentile(all, 99.9), percentile(all, 99.99), all.max()));
		}
		List<ErrorCount> errors = CollectionConverters.asJava(data.errors(Option.empty(), Option.empty()))
			.stream()
			.map((ErrorStats error) -> new ErrorCount(error.message(), error.count()))
			.toList();
		List<GatlingAssertion> assertions = CollectionConverters
			.asJava(new AssertionValidator(data).validateAssertions(data.assertions()))
			.stream()
			.map(GatlingRun::assertion)
			.toList();
		return new Outcome(report, assertionsPassed, assertions, requests, errors);
	}

	private static GatlingAssertion assertion(AssertionResult result) {
		String actual = switch (result) {
			case AssertionResult.Resolved resolved -> format(resolved.actualValue());
			case AssertionResult.ResolutionError error -> error.error();
			default -> "";
		};
		return new GatlingAssertion(AssertionMessage.message(result.assertion()), result.success(), actual);
	}

	/** 12, 0.5, 1234.57: as Gatling prints a value, without a trailing ".0". */
	private static String format(double value) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		return (value == Math.rint(value) && Math.abs(value) < 1e15) ? Long.toString((long) value)
				: BigDecimal.valueOf(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
	}

	/**
	 * A finished run second by second, every request name together: what the report's
	 * charts show, with the run's start on this machine's clock so that events timed here
	 * (a replica stopped) can be placed on it.
	 */
	static Timeline timeline(Path report) {
		LogFileData data = new LogFileReader(report.resolve("simulation.log").toFile(),
				GatlingConfiguration$.MODULE$.load())
			.read();
		Map<Integer, Percentiles> latencies = new LinkedHashMap<>();
		for (PercentilesVsTimePlot plot : CollectionConverters
			.asJava(data.responseTimePercentilesOverTime(OK$.MODULE$, Option.empty(), Option.empty()))) {
			if (plot.percentiles().isDefined()) {
				latencies.put(plot.time() / 1000, plot.percentiles().get());
			}
		}
		List<Timeline.Second> seconds = new ArrayList<>();
		for (CountsVsTimePlot counts : CollectionConverters
			.asJava(data.numberOfResponsesPerSecond(Option.empty(), Option.empty()))) {
			int second = counts.time() / 1000;
			Percentiles latency = latencies.get(second);
			seconds.add(new Timeline.Second(second, counts.oks(), counts.kos(),
					(latency != null) ? latency.percentile99() : -1, (latency != null) ? latency.percentile100() : -1));
		}
		return new Timeline(data.runInfo().runStart(), seconds);
	}

	/**
	 * A run second by second.
	 *
	 * @param startMillis when the run started, in milliseconds since the epoch
	 * @param seconds every second of it with an answer, from 0
	 */
	record Timeline(long startMillis, List<Second> seconds) {

		/**
		 * One second: answers that passed and failed in it, and the p99 and slowest of
		 * those that passed (-1 when none did).
		 */
		record Second(int second, int ok, int ko, int p99Millis, int maxMillis) {
		}

		/** The second of the run at a moment of this machine's clock. */
		double secondOf(long epochMillis) {
			return (epochMillis - this.startMillis) / 1000.0;
		}

		/** The seconds from {@code from} (inclusive) to {@code to} (exclusive). */
		List<Second> between(double from, double to) {
			return this.seconds.stream()
				.filter((second) -> second.second() >= Math.floor(from) && second.second() < to)
				.toList();
		}

	}

	/**
	 * OK responses a second over the full seconds in which this request was answered: the
	 * first and last seconds are partial (the step started or ended within them), so they
	 * are left out when there are enough others.
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

	static Path latestRunIn(Path resultsDirectory) throws IOException {
		try (Stream<Path> runs = Files.list(resultsDirectory)) {
			return runs.filter(Files::isDirectory)
				// <simulation>-<yyyyMMddHHmmssSSS>: by the time it started, not the
				// name, in a folder where several simulations ran (a warm-up's).
				.max(Comparator.comparing((Path run) -> {
					String name = run.getFileName().toString();
					return name.substring(name.lastIndexOf('-') + 1);
				}).thenComparing(Path::getFileName))
				.orElseThrow(() -> new IllegalStateException("Gatling wrote no report in " + resultsDirectory));
		}
	}

	/**
	 * What a run left.
	 *
	 * @param report its report folder
	 * @param assertionsPassed whether its assertions held, as Gatling's exit code said
	 * @param assertions each assertion's result
	 * @param requests one row per request name
	 * @param errors the error table
	 */
	record Outcome(Path report, boolean assertionsPassed, List<GatlingAssertion> assertions,
			List<RequestStats> requests, List<ErrorCount> errors) {
	}

}
