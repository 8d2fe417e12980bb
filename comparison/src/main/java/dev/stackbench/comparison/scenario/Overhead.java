package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import dev.stackbench.comparison.report.Chart;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.CostWindow;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.OverheadPair;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import dev.stackbench.gatling.simulation.PairedRateSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * What stackbench's own code costs each stack: its app set against a bare Spring Boot app
 * of the same version (one controller for the plain and the JSON page, nothing of
 * stackbench's: no filters, headers, metrics or guards), started beside it in each fork
 * with the same JVM options, server settings and serving model, warmed up alike. In
 * pairs: both apps loaded at once, each page at the same fixed rate on each
 * ({@link PairedRateSimulation}), CPU and heap per request from each one's process over
 * the same seconds, as the cost scenario reads them, and the ratio of the two; then each
 * one's closed-loop throughput, for information (the load generator may be what caps it).
 * A comparison of web stacks must not be a comparison of its own additions: this says how
 * much of each figure is stackbench's.
 */
public final class Overhead extends ScenarioType<Overhead.Load> {

	/** Its table in the report, which leads beside the verdicts. */
	public static final String TABLE = "stackbench's own cost";

	/**
	 * The most stackbench's code may add to a request's CPU on the plain page, as the
	 * median of the pairs' ratios, and in any one pair: the bar the project holds itself
	 * to, so that the stacks' figures are theirs.
	 */
	static final double MEDIAN_BAR = 0.03;

	static final double PAIR_BAR = 0.07;

	/** Arrivals whose answer takes longer than this fail, as in the cost scenario. */
	private static final int TIMEOUT_MILLIS = 1_000;

	/**
	 * The unmeasured arrivals on both apps before each pair's windows, as in the cost
	 * scenario.
	 */
	private static final int LEAD_IN_SECONDS = 2;

	/**
	 * Roughly how long a bare app takes to start and warm up (its warm-up settled in 30
	 * to 50 s here), for the estimate only.
	 */
	private static final int BARE_START_SECONDS = 50;

	/**
	 * The parameters.
	 *
	 * @param paths the pages, each measured in a window of its own in every pair
	 * @param rate arrivals a second offered in each window, on both apps
	 * @param seconds how long each window's arrivals come
	 * @param pairs how many pairs each fork measures
	 * @param users the closed loop's users in each throughput run
	 * @param throughputSeconds how long each throughput run lasts
	 * @param aa an A/A run: a second bare app in the app's place, so that the table reads
	 * what the pairs show when nothing differs between the two, the noise its figures are
	 * to be read against
	 */
	public record Load(List<String> paths, double rate, int seconds, int pairs, int users, int throughputSeconds,
			boolean aa) {

		public Load {
			pairs = Math.max(1, pairs);
		}

	}

	public static final Load DEFAULTS = new Load(List.of("/api/hello", "/api/json"), 3_000, 10, 2, 64, 2, false);

	/** How an A/A run's rows name their model. */
	static final String AA = " (A/A: bare against bare)";

	Overhead() {
		super("overhead", "OVERHEAD", Load.class, DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return PairedRateSimulation.class;
	}

	@Override
	public double estimatedSeconds(Load load) {
		double pair = LEAD_IN_SECONDS + 1
				+ load.paths().size() * (load.seconds() + 1 + 2 * (load.throughputSeconds() + 1));
		return BARE_START_SECONDS + load.pairs() * pair;
	}

	@Override
	public List<String> paths(Load load) {
		return load.paths();
	}

	@Override
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		Load load = load(scenario);
		Collected collected = new Collected();
		List<OverheadPair> pairs = new ArrayList<>();
		Optional<Measurement.Bare> started = measurement.bare(load.paths());
		if (started.isEmpty()) {
			measurement
				.progress("  not measured: a bare app is set beside an app started here, not a remote app or replicas");
		}
		try (Measurement.Bare first = started.orElse(null);
				Measurement.Bare twin = (first != null && load.aa())
						? first.measurement().bare(load.paths()).orElse(null) : null) {
			// In an A/A run the first bare app takes the app's place and the second the
			// bare app's.
			Measurement subject = (twin != null) ? first.measurement() : measurement;
			Measurement.Bare bare = (twin != null) ? twin : first;
			for (int pair = 1; bare != null && pair <= load.pairs(); pair++) {
				if (pair == 1 && !bare.settled()) {
					measurement.progress("  the bare app's warm-up ended while its JIT still compiled");
				}
				// Both apps loaded at once after a pause (a window that follows another
				// load or quiet costs more, see Cost), each page's window read from both
				// processes over the same seconds.
				subject.run(PairedRateSimulation.class, paired(load, load.paths().getFirst(), LEAD_IN_SECONDS, bare),
						"pair-" + pair + "-lead-in", false);
				Map<String, Measurement.Paired> windows = new HashMap<>();
				for (String path : load.paths()) {
					Measurement.Paired costed = bare.costTogether(PairedRateSimulation.class,
							paired(load, path, load.seconds(), bare),
							"pair-" + pair + "-window-" + (windows.size() + 1));
					collected.add(costed.app().measured(), "pair " + pair + ": ", true);
					windows.put(path, costed);
				}
				// Then each one's closed-loop throughput alone, for information: which
				// one
				// goes first alternates, so that neither always follows the other's load.
				boolean bareFirst = (pair + measurement.run()) % 2 == 0;
				Map<String, Double> appThroughputs = new HashMap<>();
				Map<String, Double> bareThroughputs = new HashMap<>();
				Map<String, Double> generatorShares = new HashMap<>();
				for (String path : load.paths()) {
					for (boolean ofBare : bareFirst ? List.of(true, false) : List.of(false, true)) {
						Measurement.Measured run = (ofBare ? bare.measurement() : subject).run(
								ThroughputSimulation.class,
								new ThroughputSimulation.Load(path, List.of(load.users()), load.throughputSeconds(),
										2_000, 0, ""),
								"pair-" + pair + (ofBare ? "-bare" : "-app") + "-throughput-"
										+ (load.paths().indexOf(path) + 1),
								false);
						collected.add(run, "pair " + pair + ": " + (ofBare ? PairedRateSimulation.BARE : ""), false);
						(ofBare ? bareThroughputs : appThroughputs).put(path,
								run.requests().stream().mapToDouble(RequestStats::throughput).sum());
						generatorShares.merge(path, Cost.loadGeneratorShare(run, measurement), Math::max);
					}
				}
				for (String path : load.paths()) {
					Measurement.Paired costed = windows.get(path);
					pairs.add(new OverheadPair(pair,
							window(path, load, costed.app(), OpenRateSimulation.requestName(path, load.rate()),
									measurement),
							window(path, load, costed.bare(), PairedRateSimulation.bareRequestName(path, load.rate()),
									measurement),
							appThroughputs.get(path), bareThroughputs.get(path), generatorShares.get(path),
							costed.sliceRatios()));
				}
				OverheadPair hello = pairs.get(pairs.size() - load.paths().size());
				measurement.progress(format(Locale.ROOT,
						"  pair %d: %s %s µs/request on the app, %s on the bare app; app over bare %s (%d slices)",
						pair, hello.path(), text(hello.app().cpuMicrosPerRequest(), "%.1f"),
						text(hello.bare().cpuMicrosPerRequest(), "%.1f"), text(hello.cpuRatio(), "%.3f"),
						hello.sliceRatios().size()));
			}
		}
		return new ScenarioResult(measurement.stack(), scenario, measurement.run(), collected.passed,
				collected.firstReport, collected.requests, collected.errors, AppMetrics.NONE,
				collected.loadGeneratorCpuSeconds, collected.seconds, List.of(), List.of(), List.of(), pairs)
			.withAssertions(collected.assertions);
	}

	private static PairedRateSimulation.Load paired(Load load, String path, int seconds, Measurement.Bare bare) {
		return new PairedRateSimulation.Load(path, load.rate(), seconds, TIMEOUT_MILLIS, bare.baseUrl().toString());
	}

	/** A figure in {@code pattern}, or "-" where there is none. */
	private static String text(OptionalDouble figure, String pattern) {
		return figure.stream().mapToObj((value) -> format(Locale.ROOT, pattern, value)).findFirst().orElse("-");
	}

	/** One app's window of a paired run, from its own row and its own counters. */
	private static CostWindow window(String path, Load load, Measurement.Costed costed, String row,
			Measurement measurement) {
		return Cost.window(path, load.rate(), load.seconds(), row, costed, measurement, List.of());
	}

	/** The Gatling runs' rows, errors and totals, as the scenario's result keeps them. */
	private static final class Collected {

		final List<RequestStats> requests = new ArrayList<>();

		final List<ErrorCount> errors = new ArrayList<>();

		final List<GatlingAssertion> assertions = new ArrayList<>();

		boolean passed = true;

		double loadGeneratorCpuSeconds;

		double seconds;

		String firstReport;

		/**
		 * A run's rows, named with {@code prefix} (its pair, and its app where the rows
		 * do not tell it), so that no two pairs' rows share a name.
		 */
		void add(Measurement.Measured run, String prefix, boolean reported) {
			this.firstReport = (this.firstReport != null || !reported) ? this.firstReport : run.report();
			this.requests.addAll(run.requests().stream().map((row) -> row.named(prefix + row.name())).toList());
			this.errors.addAll(run.errors());
			this.passed &= run.assertionsPassed();
			run.assertions()
				.stream()
				.map((assertion) -> assertion.in(prefix.replaceFirst("[:\\s]+$", "")))
				.forEach(this.assertions::add);
			this.loadGeneratorCpuSeconds += run.loadGeneratorCpuSeconds();
			this.seconds += run.seconds();
		}

	}

	/**
	 * Not a figure to choose a stack by: it says how much of the others' figures is
	 * stackbench's, in its own table.
	 */
	@Override
	public List<Measure> headlines(Scenario scenario) {
		return NO_HEADLINES;
	}

	/**
	 * No theory predicts it; the bar it is held to ({@link #MEDIAN_BAR},
	 * {@link #PAIR_BAR}) is judged over every pair of every fork in its table, which a
	 * claim, drawn from one run, could not.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		return NO_CLAIMS;
	}

	/** Its table is its figure: a chart of pairs would only repeat it. */
	@Override
	public List<Chart> charts(ComparisonResults results, Scenario scenario) {
		return List.of();
	}

	@Override
	public List<Table> leadingTables(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			for (String path : load(scenario).paths()) {
				for (Contender stack : results.stacks()) {
					List<OverheadPair> pairs = results.runsOf(scenario.id(), stack)
						.stream()
						.flatMap((run) -> run.overheadPairs().stream())
						.filter((pair) -> pair.path().equals(path))
						.toList();
					if (!pairs.isEmpty()) {
						rows.add(row(path, stack, load(scenario).aa(), pairs));
					}
				}
			}
		}
		if (rows.isEmpty()) {
			return List.of();
		}
		return List.of(new Table(TABLE, format(Locale.ROOT,
				"Each stack's app set against a bare Spring Boot app of the same version (bare-servlet-app or "
						+ "bare-reactive-app: one controller for these two pages, nothing of stackbench's), started beside "
						+ "it in each fork with the same JVM options, server settings and serving model, on the same "
						+ "cores, and warmed up alike. In pairs: both apps loaded at once, each page at the same fixed "
						+ "rate on each, so that both meet the same moments of the machine; CPU and heap per request "
						+ "read from each one's process over the same seconds, as the cost table reads them (the JIT's "
						+ "compiling excluded); then each one's closed-loop throughput alone, for information. A pair's "
						+ "CPU ratio is the median over its window's half seconds of the app's CPU over the bare app's "
						+ "in the same half second (a machine that takes the core away unreported charges it to "
						+ "whichever app was running, in lumps the median leaves aside); a ratio shown is its median "
						+ "(lowest–highest) over every pair of "
						+ "every fork; a window not sustained (as the cost table judges it) leaves its pair out. The "
						+ "plain page is held to at most %.0f%% more CPU per request than bare Spring Boot's (median), "
						+ "and %.0f%% in any pair. A throughput with the load generator at %.0f%% of its CPU or more was "
						+ "its limit, not the apps'. A row marked A/A (-Dset=overhead.aa=true) has a second bare app in "
						+ "the app's place: what its pairs read is the scenario's own noise, and a difference "
						+ "within it cannot be told from none.",
				100 * MEDIAN_BAR, 100 * PAIR_BAR, 100 * CapacitySearch.SATURATED_GENERATOR),
				List.of("page", "model", "pairs", "app CPU µs/request", "bare CPU µs/request",
						"CPU per request, app over bare", "heap bytes/request: app / bare",
						"throughput req/s: app / bare", "throughput, app over bare"),
				rows));
	}

	private static List<Cell> row(String path, Contender stack, boolean aa, List<OverheadPair> all) {
		Cell model = Cell.of(stack.id() + (aa ? AA : ""));
		List<OverheadPair> pairs = all.stream().filter(Overhead::sustained).toList();
		String counted = (pairs.size() == all.size()) ? Integer.toString(all.size())
				: pairs.size() + " of " + all.size() + " (not sustained: " + (all.size() - pairs.size()) + ")";
		if (pairs.isEmpty()) {
			return List.of(Cell.of(path), model, Cell.of(counted), Cell.of("-"), Cell.of("-"), Cell.of("-"),
					Cell.of("-"), Cell.of("-"), Cell.of("-"));
		}
		boolean limited = pairs.stream()
			.anyMatch((pair) -> pair.loadGeneratorCpuShare() >= CapacitySearch.SATURATED_GENERATOR);
		return List.of(Cell.of(path), model, Cell.of(counted),
				Cell.of(figure(pairs, (pair) -> pair.app().cpuMicrosPerRequest(), 1)),
				Cell.of(figure(pairs, (pair) -> pair.bare().cpuMicrosPerRequest(), 1)), cpuRatio(path, aa, pairs),
				Cell.of(figure(pairs, (pair) -> pair.app().allocatedBytesPerRequest(), 0) + " / "
						+ figure(pairs, (pair) -> pair.bare().allocatedBytesPerRequest(), 0)),
				Cell.of(figure(pairs, (pair) -> OptionalDouble.of(pair.appThroughput()), 0) + " / "
						+ figure(pairs, (pair) -> OptionalDouble.of(pair.bareThroughput()), 0)),
				Cell.of(spread(pairs, OverheadPair::throughputRatio).map(Overhead::percentOf).orElse("-")
						+ (limited ? " (the load generator's limit)" : "")));
	}

	/**
	 * Both windows sustained as the cost table judges one, and the two apps together
	 * short of their shared cores' limit too.
	 */
	static boolean sustained(OverheadPair pair) {
		return Cost.sustained(pair.app()) && Cost.sustained(pair.bare())
				&& pair.app().appCpuShare() + pair.bare().appCpuShare() < CapacitySearch.SATURATED_GENERATOR;
	}

	/**
	 * The closed loops' throughput rows; the paired windows' rows are open arrivals.
	 */
	@Override
	public boolean closedLoop(String row) {
		return row.endsWith(" users");
	}

	/**
	 * The CPU ratio as stackbench's share on top of Spring Boot's, judged against the bar
	 * on the plain page; an A/A run's is the noise, which no bar judges.
	 */
	private static Cell cpuRatio(String path, boolean aa, List<OverheadPair> pairs) {
		Optional<Spread> ratio = spread(pairs, OverheadPair::cpuRatio);
		if (ratio.isEmpty()) {
			return Cell.of("-");
		}
		String text = excess(ratio.get());
		if (aa || !path.equals("/api/hello")) {
			return Cell.of(text);
		}
		boolean within = ratio.get().median() <= 1 + MEDIAN_BAR && ratio.get().max() <= 1 + PAIR_BAR;
		return Cell.verdict(text + (within ? ": within" : ": over") + " the bar", within);
	}

	private static Optional<Spread> spread(List<OverheadPair> pairs, Function<OverheadPair, OptionalDouble> figure) {
		List<Double> ratios = pairs.stream()
			.map(figure)
			.filter(OptionalDouble::isPresent)
			.map(OptionalDouble::getAsDouble)
			.toList();
		return ratios.isEmpty() ? Optional.empty() : Optional.of(Spread.of(ratios));
	}

	/** {@code +2.1% (−0.4 to +5.0%)}: what the app adds on top of the bare app. */
	static String excess(Spread ratio) {
		String median = signed(ratio.median());
		return (ratio.runs() == 1) ? median : median + " (" + signed(ratio.min()) + " to " + signed(ratio.max()) + ")";
	}

	private static String signed(double ratio) {
		return format(Locale.ROOT, "%+.1f%%", 100 * (ratio - 1)).replace('-', '−');
	}

	private static String percentOf(Spread ratio) {
		return format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%)", 100 * ratio.median(), 100 * ratio.min(), 100 * ratio.max());
	}

	/** A figure over the pairs, median (lowest–highest); a dash where none was read. */
	private static String figure(List<OverheadPair> pairs, Function<OverheadPair, OptionalDouble> figure,
			int decimals) {
		return spread(pairs, figure).map((spread) -> spread.text(decimals)).orElse("-");
	}

}
