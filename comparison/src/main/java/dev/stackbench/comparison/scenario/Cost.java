package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import dev.stackbench.comparison.report.Cells;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.CostWindow;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * What each request costs the app, at a fixed open-model rate that every contender and
 * the load generator sustain: CPU, heap allocated and garbage-collection time per
 * request, read from the app's process counters around each page's window
 * ({@link Measurement#cost}), and the latencies of arrivals that do not wait for answers.
 * A closed loop's peak says as much about the load generator as about the app where both
 * sit near their limits; a cost per request is the app's alone, whatever the load
 * generator could have sent. A window the app or the load generator did not sustain
 * (requests failed or missing, either one's CPU at 90% or more) is measured again at half
 * the rate.
 */
public final class Cost extends ScenarioType<Cost.Load> {

	/** Its table in the report, which leads beside the verdicts. */
	public static final String TABLE = "Cost per request at a fixed rate";

	/**
	 * The share of the offered requests that must be answered for a window to count as
	 * sustained: an open model's arrivals are scheduled, so short of this the app or the
	 * load generator fell behind.
	 */
	static final double ANSWERED_SHARE = 0.97;

	/**
	 * Arrivals whose answer takes longer than this fail, so that a stalled window ends
	 * rather than queueing: far above any latency a sustained window has.
	 */
	private static final int TIMEOUT_MILLIS = 1_000;

	/** The unmeasured arrivals just before each window. */
	private static final int LEAD_IN_SECONDS = 2;

	/**
	 * The parameters.
	 *
	 * @param paths the pages, each measured in a window of its own
	 * @param rate arrivals a second offered in each window
	 * @param seconds how long each window's arrivals come
	 * @param leastRate the lowest rate a window is measured at, lowered to from
	 * {@code rate} by halving when it is not sustained
	 * @param windows how many windows each page is measured in, interleaved with the
	 * other pages'; a fork's figures are its page's median window's (1 when not given)
	 */
	public record Load(List<String> paths, double rate, int seconds, double leastRate, int windows) {

		public Load {
			windows = Math.max(1, windows);
		}

	}

	public static final Load DEFAULTS = new Load(List.of("/api/hello", "/api/json"), 3_000, 3, 500, 3);

	Cost() {
		super("cost", "COST", Load.class, DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return OpenRateSimulation.class;
	}

	@Override
	public double estimatedSeconds(Load load) {
		return LEAD_IN_SECONDS + load.paths().size() * load.windows() * (load.seconds() + 1);
	}

	@Override
	public List<String> paths(Load load) {
		return load.paths();
	}

	@Override
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		Load load = load(scenario);
		// Each page's rate, halved for good once a window of it was not sustained, and
		// the rates it was not sustained at.
		Map<String, Double> rates = new HashMap<>();
		Map<String, List<Double>> lowered = new HashMap<>();
		List<Windowed> kept = new ArrayList<>();
		List<ErrorCount> errors = new ArrayList<>();
		boolean passed = true;
		List<GatlingAssertion> assertions = new ArrayList<>();
		double loadGeneratorCpu = 0;
		double seconds = 0;
		String firstReport = null;
		boolean leadIn = true;
		// The pages' windows interleaved (hello, json, hello, json, ...), so that a
		// moment of the machine's falls on one window of a page and the median outvotes
		// it.
		for (int round = 1; round <= load.windows(); round++) {
			for (String path : load.paths()) {
				List<Double> notSustained = lowered.computeIfAbsent(path, (page) -> new ArrayList<>());
				while (true) {
					double rate = rates.getOrDefault(path, load.rate());
					if (leadIn) {
						// The same arrivals for a moment first, unmeasured: measured
						// here, a
						// window that followed seconds of quiet cost two to three times
						// the
						// CPU per request of one that followed load (hello 314 µs against
						// the warm-up's last 85 µs on one fork). The windows that follow
						// each other need none.
						measurement.run(OpenRateSimulation.class,
								new OpenRateSimulation.Load(path, rate, LEAD_IN_SECONDS, TIMEOUT_MILLIS),
								"lead-in-" + (kept.size() + 1), false);
						leadIn = false;
					}
					Measurement.Costed costed = measurement.cost(OpenRateSimulation.class,
							new OpenRateSimulation.Load(path, rate, load.seconds(), TIMEOUT_MILLIS),
							"window-" + (kept.size() + 1) + ((notSustained.isEmpty()) ? "" : "-at-" + (int) rate));
					Measurement.Measured run = costed.measured();
					CostWindow window = window(path, rate, load.seconds(), OpenRateSimulation.requestName(path, rate),
							costed, measurement, notSustained);
					loadGeneratorCpu += run.loadGeneratorCpuSeconds();
					seconds += run.seconds();
					firstReport = (firstReport != null) ? firstReport : run.report();
					if (sustained(window) || rate / 2 < load.leastRate()) {
						errors.addAll(run.errors());
						passed &= run.assertionsPassed();
						String name = "window " + (kept.size() + 1);
						run.assertions().stream().map((assertion) -> assertion.in(name)).forEach(assertions::add);
						kept.add(new Windowed(window, run.requests()));
						break;
					}
					measurement.progress(format(Locale.ROOT,
							"  %s at %,.0f req/s was not sustained (%,d of %,.0f answered, %d failed, app CPU %.0f%%, "
									+ "load generator CPU %.0f%%): measured again at half the rate",
							path, rate, window.answered(), rate * load.seconds(), window.failed(),
							100 * window.appCpuShare(), 100 * window.loadGeneratorCpuShare()));
					notSustained.add(rate);
					rates.put(path, rate / 2);
					measurement.awaitIdle();
					leadIn = true;
				}
			}
		}
		List<CostWindow> windows = kept.stream().map(Windowed::window).toList();
		// Every window is kept in the result; the latencies are those of the window
		// that stands for its page, as its other figures are.
		List<RequestStats> requests = new ArrayList<>();
		for (String path : load.paths()) {
			CostWindow median = CostWindow
				.median(windows.stream().filter((window) -> window.path().equals(path)).toList());
			kept.stream()
				.filter((windowed) -> windowed.window() == median)
				.forEach((windowed) -> requests.addAll(windowed.requests()));
		}
		return new ScenarioResult(measurement.stack(), scenario, measurement.run(), passed, firstReport, requests,
				errors, AppMetrics.NONE, loadGeneratorCpu, seconds, List.of(), List.of(), windows)
			.withAssertions(assertions);
	}

	/** A kept window and the load generator's rows of it. */
	private record Windowed(CostWindow window, List<RequestStats> requests) {
	}

	/**
	 * A window from its run's row {@code row} (the requests answered and failed) and the
	 * app's counters around it: also the overhead scenario's, whose paired run has a row
	 * per app.
	 */
	static CostWindow window(String path, double rate, int seconds, String row, Measurement.Costed costed,
			Measurement measurement, List<Double> lowered) {
		Measurement.Measured run = costed.measured();
		List<RequestStats> rows = run.requests().stream().filter((stats) -> stats.name().equals(row)).toList();
		long answered = rows.stream().mapToLong(RequestStats::ok).sum();
		long failed = rows.stream().mapToLong(RequestStats::ko).sum();
		return new CostWindow(path, rate, seconds, answered, failed, costed.before().orElse(ProcessCounters.UNREAD),
				costed.after().orElse(ProcessCounters.UNREAD), costed.windowSeconds(),
				loadGeneratorShare(run, measurement), measurement.appCores(), List.copyOf(lowered));
	}

	/** The load generator's CPU over a run, as a share of its cores. */
	static double loadGeneratorShare(Measurement.Measured run, Measurement measurement) {
		return (run.seconds() <= 0) ? 0
				: run.loadGeneratorCpuSeconds() / run.seconds() / measurement.loadGeneratorCores();
	}

	/**
	 * Every offered request answered (but for {@link #ANSWERED_SHARE}), none failed, and
	 * neither the app nor the load generator at their limit.
	 */
	static boolean sustained(CostWindow window) {
		return window.failed() == 0 && window.answered() >= ANSWERED_SHARE * window.rate() * window.seconds()
				&& window.loadGeneratorCpuShare() < CapacitySearch.SATURATED_GENERATOR
				&& window.appCpuShare() < CapacitySearch.SATURATED_GENERATOR;
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		List<Measure> measures = new ArrayList<>();
		for (String path : load(scenario).paths()) {
			measures.add(measure(scenario, path, "CPU per request", "µs", CostWindow::cpuMicrosPerRequest));
			measures.add(measure(scenario, path, "heap allocated per request", "bytes",
					CostWindow::allocatedBytesPerRequest));
			measures.add(measure(scenario, path, "GC time", Headlines.PER_1000_REQUESTS,
					CostWindow::gcMillisPer1000Requests));
			measures.add(new Measure(scenario.id(), format(Locale.ROOT, "p99 of %s at a fixed rate", path), "ms",
					Better.LOWER, false, true, true,
					(run) -> run.cost(path)
						.flatMap((window) -> run.row(OpenRateSimulation.requestName(path, window.rate())))
						.map((row) -> OptionalDouble.of(row.p99()))
						.orElse(OptionalDouble.empty())));
		}
		return measures;
	}

	private static Measure measure(Scenario scenario, String path, String figure, String unit,
			Function<CostWindow, OptionalDouble> read) {
		return new Measure(scenario.id(), figure + " of " + path, unit, Better.LOWER, false, false, false,
				(run) -> run.cost(path).map(read).orElse(OptionalDouble.empty()));
	}

	/**
	 * The cost figures are measurements, not predictions: what theory says about them is
	 * in the other scenarios' claims (a request's CPU is what caps a closed loop's peak).
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		return NO_CLAIMS;
	}

	@Override
	public List<Table> leadingTables(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			for (String path : load(scenario).paths()) {
				for (Contender stack : results.stacks()) {
					List<ScenarioResult> runs = results.runsOf(scenario.id(), stack)
						.stream()
						.filter((run) -> run.cost(path).isPresent())
						.toList();
					if (runs.isEmpty()) {
						continue;
					}
					List<CostWindow> windows = runs.stream().map((run) -> run.cost(path).orElseThrow()).toList();
					String row = OpenRateSimulation.requestName(path, windows.getFirst().rate());
					rows.add(List.of(Cell.of(path), Cell.of(stack.id()), rates(windows),
							figure(windows, CostWindow::cpuMicrosPerRequest, 1),
							figure(windows, CostWindow::compilerMicrosPerRequest, 1),
							figure(windows, CostWindow::allocatedBytesPerRequest, 0),
							figure(windows, CostWindow::gcMillisPer1000Requests, 2), Cells.latencies(runs, row),
							Cells.spread(windows, (window) -> 100 * window.appCpuShare()),
							Cells.spread(windows, (window) -> 100 * window.loadGeneratorCpuShare()),
							figure(windows, CostWindow::capacityEstimate, 0)));
				}
			}
		}
		return List.of(new Table(TABLE, format(Locale.ROOT,
				"An open model at a fixed rate on each page, each page in windows of its own, interleaved with the other "
						+ "pages' (a fork's figures are those of its page's median window by CPU per request, so that a "
						+ "moment of the machine's on one window is outvoted), with nothing else asking the app "
						+ "anything: the app process's CPU (Linux's /proc, every thread's but the JIT "
						+ "compiler threads', shown apart: still compiling is not what a request costs) and the JVM's "
						+ "exact count of bytes its threads allocated, read just before the window's first request and "
						+ "just after its last answer, divided by the requests answered. A window is sustained when "
						+ "%.0f%% of the offered requests are answered, none fail, and neither the app's nor the load "
						+ "generator's CPU reaches %.0f%%; else it is measured again at half the rate. The estimate is "
						+ "the app's cores divided by its CPU per request: what it would serve were CPU the only "
						+ "limit. Latencies are p50 / p99 / p99.9 in ms; median (lowest–highest) over the forks.",
				100 * ANSWERED_SHARE, 100 * CapacitySearch.SATURATED_GENERATOR),
				List.of("page", "model", "rate req/s", "CPU µs/request", "JIT compiling µs/request",
						"heap bytes/request", "GC ms/1,000 requests", "latency ms p50 / p99 / p99.9", "app CPU %",
						"load generator CPU %", "estimated capacity req/s (CPU only)"),
				rows));
	}

	private static Cell rates(List<CostWindow> windows) {
		List<Double> rates = windows.stream().map(CostWindow::rate).distinct().toList();
		String lowered = windows.stream().anyMatch((window) -> !window.lowered().isEmpty())
				? " (lowered: not sustained at " + windows.stream()
					.flatMap((window) -> window.lowered().stream())
					.distinct()
					.map(Cells::count)
					.toList() + ")"
				: "";
		return Cell.of(rates.stream().map(Cells::count).toList().toString().replaceAll("[\\[\\]]", "") + lowered);
	}

	private static Cell figure(List<CostWindow> windows, Function<CostWindow, OptionalDouble> read, int decimals) {
		ToDoubleFunction<CostWindow> value = (window) -> read.apply(window).orElse(-1);
		return Cells.metered(windows, value, decimals);
	}

}
