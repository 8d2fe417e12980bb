package dev.stackbench.comparison.result;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * One scenario on one stack in one run: Gatling's rows and errors, the app's metrics over
 * the same seconds, and the load generator's own CPU.
 *
 * @param stack the serving model
 * @param scenario the scenario, with the parameters it ran with
 * @param run which repetition this was, from 1
 * @param assertionsPassed whether every assertion of the simulation held
 * @param gatlingReport the Gatling HTML report, relative to the comparison's folder (the
 * first step's, for a capacity search)
 * @param requests one row per request name (one per step, for a capacity search)
 * @param errors the error table
 * @param app the app's metrics
 * @param loadGeneratorCpuSeconds CPU this JVM (Gatling) used during the scenario
 * @param seconds the scenario's wall time, Gatling's start and stop included
 * @param steps the steps of a capacity search, in order; empty for every other type
 * @param phases the phases of a phased scenario, each run on its own, in order; empty for
 * every other type (and for results recorded before phases were)
 * @param costs what each page of a cost scenario cost the app, in order; empty for every
 * other type
 * @param overheadPairs the app set against its bare Spring Boot app, page by page and
 * pair by pair, in order; empty for every other type
 * @param assertions each Gatling assertion's result in each of the scenario's Gatling
 * runs whose assertions count (named after the run where it had several), in order; empty
 * for results recorded before they were read
 */
public record ScenarioResult(Contender stack, Scenario scenario, int run, boolean assertionsPassed,
		String gatlingReport, List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app,
		double loadGeneratorCpuSeconds, double seconds, List<RateStep> steps, List<PhaseResult> phases,
		List<CostWindow> costs, List<OverheadPair> overheadPairs, List<GatlingAssertion> assertions) {

	public ScenarioResult {
		phases = (phases != null) ? phases : List.of();
		costs = (costs != null) ? costs : List.of();
		overheadPairs = (overheadPairs != null) ? overheadPairs : List.of();
		assertions = (assertions != null) ? assertions : List.of();
	}

	public ScenarioResult(Contender stack, Scenario scenario, int run, boolean assertionsPassed, String gatlingReport,
			List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds, List<RateStep> steps, List<PhaseResult> phases, List<CostWindow> costs,
			List<OverheadPair> overheadPairs) {
		this(stack, scenario, run, assertionsPassed, gatlingReport, requests, errors, app, loadGeneratorCpuSeconds,
				seconds, steps, phases, costs, overheadPairs, List.of());
	}

	/** This result with the assertions' results it was measured with. */
	public ScenarioResult withAssertions(List<GatlingAssertion> assertions) {
		return new ScenarioResult(this.stack, this.scenario, this.run, this.assertionsPassed, this.gatlingReport,
				this.requests, this.errors, this.app, this.loadGeneratorCpuSeconds, this.seconds, this.steps,
				this.phases, this.costs, this.overheadPairs, List.copyOf(assertions));
	}

	public ScenarioResult(Contender stack, Scenario scenario, int run, boolean assertionsPassed, String gatlingReport,
			List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds, List<RateStep> steps, List<PhaseResult> phases, List<CostWindow> costs) {
		this(stack, scenario, run, assertionsPassed, gatlingReport, requests, errors, app, loadGeneratorCpuSeconds,
				seconds, steps, phases, costs, List.of());
	}

	public ScenarioResult(Contender stack, Scenario scenario, int run, boolean assertionsPassed, String gatlingReport,
			List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds, List<RateStep> steps, List<PhaseResult> phases) {
		this(stack, scenario, run, assertionsPassed, gatlingReport, requests, errors, app, loadGeneratorCpuSeconds,
				seconds, steps, phases, List.of());
	}

	/**
	 * The cost window that stands for one page in this run, if this is a cost scenario
	 * that measured it: the {@link CostWindow#median median} of the page's windows.
	 */
	public Optional<CostWindow> cost(String path) {
		List<CostWindow> windows = this.costs.stream().filter((window) -> window.path().equals(path)).toList();
		return windows.isEmpty() ? Optional.empty() : Optional.of(CostWindow.median(windows));
	}

	public ScenarioResult(Contender stack, Scenario scenario, int run, boolean assertionsPassed, String gatlingReport,
			List<RequestStats> requests, List<ErrorCount> errors, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds, List<RateStep> steps) {
		this(stack, scenario, run, assertionsPassed, gatlingReport, requests, errors, app, loadGeneratorCpuSeconds,
				seconds, steps, List.of());
	}

	/** A phase's own metrics, if the scenario ran phase by phase. */
	public Optional<PhaseResult> phase(String name) {
		return this.phases.stream().filter((phase) -> phase.name().equals(name)).findFirst();
	}

	/**
	 * The app's CPU per thousand requests of one phase, in milliseconds, if the scenario
	 * ran phase by phase.
	 */
	public OptionalDouble appCpuMillisPer1000Requests(String phase) {
		Optional<RequestStats> row = row(phase);
		return phase(phase).filter((result) -> row.isPresent() && row.get().count() > 0)
			.map((result) -> OptionalDouble.of(cpuMillisPer1000Requests(result.app(), row.get().count())))
			.orElse(OptionalDouble.empty());
	}

	/**
	 * The load's requests, a probe's aside: a probe's few cheap pages would lower the CPU
	 * each request costs.
	 */
	public long totalRequests() {
		return load().mapToLong(RequestStats::count).sum();
	}

	/** Every failed request, a probe's included. */
	public long failedRequests() {
		return this.requests.stream().mapToLong(RequestStats::ko).sum();
	}

	/**
	 * Requests sent that never got an answer, failed or not, before the run's time was
	 * up: in a connection flood, a thread pool may still be working through them when the
	 * run ends.
	 */
	public long unansweredRequests() {
		return this.scenario.type().unanswered(this);
	}

	/**
	 * The app's CPU per thousand requests, in milliseconds: what each request costs,
	 * whatever the throughput.
	 */
	public double appCpuMillisPer1000Requests() {
		return (totalRequests() == 0) ? 0 : cpuMillisPer1000Requests(this.app, totalRequests());
	}

	private static double cpuMillisPer1000Requests(AppMetrics app, long requests) {
		return app.cpuSeconds() * 1000 / (requests / 1000.0);
	}

	public Optional<RequestStats> row(String name) {
		return this.requests.stream().filter((row) -> row.name().equals(name)).findFirst();
	}

	/**
	 * The row with the most throughput, a probe's aside: the one a one-line summary
	 * shows.
	 */
	public Optional<RequestStats> headline() {
		return load().max(Comparator.comparingDouble(RequestStats::throughput));
	}

	/** The rows of the load itself, without a probe's. */
	private Stream<RequestStats> load() {
		return this.requests.stream().filter((row) -> !ThroughputSimulation.isProbe(row.name()));
	}

	/**
	 * The probe's row: a plain page asked for while the load ran, if the scenario had
	 * one.
	 */
	public Optional<RequestStats> probe() {
		return this.requests.stream().filter((row) -> ThroughputSimulation.isProbe(row.name())).findFirst();
	}

}
