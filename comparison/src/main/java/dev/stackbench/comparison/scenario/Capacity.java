package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

import dev.stackbench.comparison.report.Cells;
import dev.stackbench.comparison.report.Chart;
import dev.stackbench.comparison.report.ReportCharts;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * An open model stepped up geometrically past saturation, one {@link OpenRateSimulation}
 * run per step: the highest offered rate whose step held the SLO is the stack's capacity
 * ({@link CapacitySearch} decides each step).
 */
public final class Capacity extends ScenarioType<Capacity.Load> {

	/**
	 * @param sloMillis the p99 a step must stay within to hold
	 * @param firstRate the first step's offered rate, requests a second
	 * @param growth each step's rate over the one before
	 * @param maxSteps the most steps a stack is given, whatever happens
	 */
	public record Load(String path, int sloMillis, int stepSeconds, double firstRate, double growth, int maxSteps) {

		/**
		 * The offered rate of step {@code index} (0 for the first), rounded to whole
		 * requests a second.
		 */
		public double rate(int index) {
			return Math.round(this.firstRate * Math.pow(this.growth, index));
		}

		public OpenRateSimulation.Load step(int index) {
			return new OpenRateSimulation.Load(this.path, rate(index), this.stepSeconds, this.sloMillis);
		}

	}

	/** The capacity table's title: it leads the report, beside the verdicts. */
	public static final String TABLE = "Capacity at the SLO";

	Capacity() {
		super("capacity", "CAPACITY", Load.class, new Load("/api/hello", 25, 8, 1000, 1.5, 12), false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return OpenRateSimulation.class;
	}

	/**
	 * About two thirds of its steps, each with Gatling's start and a pause to let the app
	 * drain.
	 */
	@Override
	public double estimatedSeconds(Load load) {
		return load.maxSteps() * 2 / 3.0 * (load.stepSeconds() + 3);
	}

	/**
	 * Steps the arrival rate up geometrically, one Gatling run a step, until
	 * {@link CapacitySearch#goOn} says the search is over: two steps past one that did
	 * not hold with none holding since, or the load generator gave out.
	 */
	@Override
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		Load capacity = load(scenario);
		List<RateStep> steps = new ArrayList<>();
		List<ErrorCount> errors = new ArrayList<>();
		String firstReport = null;
		boolean firstStepPassed = false;
		List<GatlingAssertion> firstStepAssertions = List.of();
		double loadGeneratorCpuBefore = measurement.loadGeneratorCpuSeconds();
		long started = System.nanoTime();
		AppMetrics app;
		try (Measurement.Sampling sampling = measurement.sampling()) {
			List<CapacitySearch.Verdict> verdicts = new ArrayList<>();
			for (int index = 0; index < capacity.maxSteps() && CapacitySearch.goOn(verdicts); index++) {
				if (index > 0) {
					measurement.awaitIdle();
				}
				OpenRateSimulation.Load load = capacity.step(index);
				Measurement.Measured measured = measurement.run(simulation(), load, "step-" + (index + 1), index == 0);
				RequestStats stats = measured.requests().isEmpty()
						? new RequestStats(load.path(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
						: measured.requests().getFirst();
				RateStep step = new RateStep(load.rate(), stats, load.durationSeconds(),
						measured.app().cpuSeconds() / measured.seconds() / measurement.appCores(),
						measured.loadGeneratorCpuSeconds() / measured.seconds() / measurement.loadGeneratorCores(),
						measured.app().meanInFlight());
				steps.add(step);
				errors.addAll(measured.errors());
				if (index == 0) {
					firstReport = measured.report();
					firstStepPassed = measured.assertionsPassed();
					firstStepAssertions = measured.assertions();
				}
				CapacitySearch.Verdict verdict = CapacitySearch.verdict(step, capacity.sloMillis());
				verdicts.add(verdict);
				measurement.progress("[" + measurement.stack().id() + "] " + scenario.id() + " step " + (index + 1)
						+ ": " + CapacitySearch.describe(step, verdict));
			}
			app = sampling.finish();
		}
		return new ScenarioResult(measurement.stack(), scenario, measurement.run(), firstStepPassed, firstReport,
				steps.stream().map(RateStep::stats).toList(), errors, app,
				measurement.loadGeneratorCpuSeconds() - loadGeneratorCpuBefore, (System.nanoTime() - started) / 1e9,
				steps)
			.withAssertions(firstStepAssertions);
	}

	@Override
	public List<Chart> charts(ComparisonResults results, Scenario scenario) {
		return ReportCharts.againstOfferedRate(results, scenario, load(scenario).sloMillis());
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		Load capacity = load(scenario);
		return List.of(
				new Measure(scenario.id(),
						format(Locale.ROOT, "capacity at p99 ≤ %d ms (%s)", capacity.sloMillis(), capacity.path()),
						"req/s", Better.HIGHER, false, false, true,
						(run) -> CapacitySearch.capacity(run)
							.map((figure) -> OptionalDouble.of(figure.rate()))
							.orElse(OptionalDouble.empty()),
						(run) -> CapacitySearch.capacity(run).filter(CapacitySearch.Figure::lowerBound).isPresent()),
				new Measure(scenario.id(), format(Locale.ROOT, "p99 at %,.0f req/s offered", capacity.rate(0)), "ms",
						Better.LOWER, false, true, true, (run) -> run.steps().isEmpty() ? OptionalDouble.empty()
								: OptionalDouble.of(run.steps().getFirst().stats().p99())));
	}

	/**
	 * Its verdict is a measurement, not a prediction: each step is judged by its SLO in
	 * the capacity tables, and the stacks by the verdicts.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		return NO_CLAIMS;
	}

	@Override
	public List<Table> leadingTables(ComparisonResults results, List<Scenario> scenarios) {
		return List.of(capacity(results, scenarios), steps(results, scenarios));
	}

	private Table capacity(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			Load capacity = load(scenario);
			for (Contender stack : results.stacks()) {
				List<CapacitySearch.Figure> figures = results.runsOf(scenario.id(), stack)
					.stream()
					.flatMap((run) -> CapacitySearch.capacity(run).stream())
					.toList();
				if (figures.isEmpty()) {
					continue;
				}
				Spread spread = Spread.of(figures.stream().map(CapacitySearch.Figure::rate).toList());
				boolean lowerBound = figures.stream().anyMatch(CapacitySearch.Figure::lowerBound);
				String limits = figures.stream()
					.map((figure) -> figure.limit().words())
					.distinct()
					.collect(Collectors.joining(", "));
				List<Double> estimates = results.results()
					.stream()
					.filter((run) -> run.stack() == stack)
					.flatMap((run) -> run.cost(capacity.path()).stream())
					.flatMap((window) -> window.capacityEstimate().stream().boxed())
					.toList();
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(capacity.path()),
						Cell.of(format(Locale.ROOT, "p99 ≤ %d ms", capacity.sloMillis())), Cell.of(stack.id()),
						Cell.of((lowerBound ? "≥ " : "") + spread.text(0)),
						Cell.of(estimates.isEmpty() ? "-" : Spread.of(estimates).text(0)),
						Cell.of(figures.stream()
							.map(CapacitySearch.Figure::describe)
							.collect(Collectors.joining(", "))),
						lowerBound ? Cell.verdict(limits, false) : Cell.of(limits)));
			}
		}
		return new Table(TABLE, format(Locale.ROOT,
				"An open model: arrivals at a fixed rate, stepped up geometrically. A step holds when at least %.0f%% "
						+ "of the offered rate is answered, p99 is within the SLO and nothing fails; the capacity is "
						+ "the highest offered rate that held; beside it, what the app's cores would serve at the CPU per "
						+ "request the cost scenario measured on the same page, were CPU the only limit. A step whose load generator was at %.0f%% of its CPU "
						+ "or more, or could not start the offered arrivals, is credited to no one.",
				100 * CapacitySearch.ACHIEVED_SHARE, 100 * CapacitySearch.SATURATED_GENERATOR),
				List.of("scenario", "page", "SLO", "model", "capacity req/s", "estimate from cost, req/s", "each run",
						"what ended the search"),
				rows);
	}

	private Table steps(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			Load capacity = load(scenario);
			for (ScenarioResult result : results.resultsOf(scenario.id())) {
				for (RateStep step : result.steps()) {
					CapacitySearch.Verdict verdict = CapacitySearch.verdict(step, capacity.sloMillis());
					RequestStats stats = step.stats();
					rows.add(List.of(Cell.of(scenario.id()), Cell.of(result.stack().id()),
							Cell.of(String.valueOf(result.run())), Cell.of(Cells.count(step.offeredRate())),
							Cell.of(Cells.count(step.achievedRate())), Cell.of(String.valueOf(stats.p50())),
							Cell.of(String.valueOf(stats.p90())), Cell.of(String.valueOf(stats.p99())),
							Cell.of(String.valueOf(stats.p999())), Cell.of(String.valueOf(stats.max())),
							Cell.of(String.valueOf(stats.ko())), Cell.of(Cells.percent(step.appCpuShare())),
							Cell.of(Cells.percent(step.loadGeneratorCpuShare())),
							(verdict == CapacitySearch.Verdict.LIMITED_BY_LOAD_GENERATOR)
									? Cell.of(CapacitySearch.words(verdict)) : Cell.verdict(
											CapacitySearch.words(verdict), verdict == CapacitySearch.Verdict.HELD)));
				}
			}
		}
		return new Table("Capacity search, step by step",
				"Every step of every run. CPU shares are of the cores each side runs on (the app's, the load "
						+ "generator's).",
				List.of("scenario", "model", "run", "offered req/s", "achieved req/s", "p50 ms", "p90 ms", "p99 ms",
						"p99.9 ms", "max ms", "failed", "app CPU", "load generator CPU", "step"),
				rows);
	}

}
