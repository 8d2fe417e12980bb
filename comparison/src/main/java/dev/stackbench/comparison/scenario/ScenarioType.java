package dev.stackbench.comparison.scenario;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.stackbench.comparison.report.Chart;
import dev.stackbench.comparison.report.ReportCharts;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.SimulationLoad;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import io.gatling.javaapi.core.Simulation;

/**
 * One type of scenario, in one class: its typed parameters with their defaults (the
 * simulation's own, written once beside it), the simulation that applies them, how it is
 * measured, its headline figures, its Little's-law bound, the claims theory makes about
 * it, and its own report tables. A preset entry names a type and gives the parameters
 * that differ from its defaults; {@link ScenarioTypes} lists every type.
 *
 * @param <P> the parameters: a record whose component names are what a preset file and
 * {@code -Dset} name
 */
public abstract class ScenarioType<P extends Record> {

	private final String id;

	private final String formerKind;

	private final Class<P> parameters;

	private final P defaults;

	private final boolean closedLoop;

	/**
	 * @param id the type's name in preset files and {@code results.json}
	 * @param formerKind the name {@code results.json} gave it before types were classes
	 * (its {@code kind}), so that an older run still reads as a baseline
	 * @param parameters the parameters' record
	 * @param defaults the parameters a preset entry starts from
	 * @param closedLoop whether its users wait on their own answers before sending again:
	 * such a loop slows down with a stalled server, so its latencies hide the stall
	 * (coordinated omission) and no latency claim or headline is drawn from them
	 */
	protected ScenarioType(String id, String formerKind, Class<P> parameters, P defaults, boolean closedLoop) {
		this.id = id;
		this.formerKind = formerKind;
		this.parameters = parameters;
		this.defaults = defaults;
		this.closedLoop = closedLoop;
	}

	/** Its name, which is also how files hold it. */
	@JsonValue
	public final String id() {
		return this.id;
	}

	final String formerKind() {
		return this.formerKind;
	}

	public final Class<P> parameters() {
		return this.parameters;
	}

	public final P defaults() {
		return this.defaults;
	}

	/** The scenario's parameters, as this type's record. */
	public final P load(Scenario scenario) {
		return this.parameters.cast(scenario.load());
	}

	/** The same parameters with some replaced, given as text ({@code -Dset}). */
	public final P with(Record load, Map<String, String> overrides) {
		return SimulationLoad.withOverrides(this.parameters.cast(load), overrides);
	}

	/** Parameters read from a preset file or {@code results.json}, over the defaults. */
	public final P fromJson(String json) {
		return SimulationLoad.fromJson(json, this.parameters, this.defaults);
	}

	/** Whether its users wait on their own answers before sending again. */
	public boolean closedLoop() {
		return this.closedLoop;
	}

	/**
	 * Whether it runs in phases, one Gatling run each ({@link Measurement#phases}), whose
	 * figures are read phase by phase: a profile is then taken per phase too.
	 */
	public boolean phased() {
		return false;
	}

	/** Whether one request row of it comes from a closed model. */
	public boolean closedLoop(String row) {
		return this.closedLoop;
	}

	/** The Gatling simulation that applies this type's load. */
	public abstract Class<? extends Simulation> simulation();

	/** The simulation's load for these parameters: the parameters themselves, mostly. */
	public Record simulationLoad(P load) {
		return load;
	}

	/** Roughly how long one run takes, for the remaining-time estimate only. */
	public abstract double estimatedSeconds(P load);

	/**
	 * The pages its load asks for, which a freshly started app is warmed up on: by
	 * default the load's {@code path}.
	 */
	public List<String> paths(P load) {
		String path = SimulationLoad.asText(load).getOrDefault("path", "");
		return path.isEmpty() ? List.of() : List.of(path);
	}

	/**
	 * Whether its page calls the downstream service, which the comparison then starts: a
	 * load with a {@code path} on {@code /api/downstream}.
	 */
	public boolean callsDownstream(P load) {
		return SimulationLoad.asText(load).getOrDefault("path", "").startsWith("/api/downstream");
	}

	/**
	 * Runs the scenario once on one stack: by default one Gatling run with the app's
	 * metrics sampled over it.
	 */
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		return measurement.once(scenario, simulation(), simulationLoad(load(scenario)));
	}

	/**
	 * The figures a workshop decides from, read from every run. A type with none returns
	 * {@link #NO_HEADLINES} and says why beside it.
	 */
	public abstract List<Measure> headlines(Scenario scenario);

	/**
	 * What theory says a run should show, each claim held, not held or not checked (a row
	 * it needs missing); never silence for a claim that applies. A type with none returns
	 * {@link #NO_CLAIMS} and says why beside it.
	 */
	public abstract List<Claim> claims(ScenarioResult run, ClaimContext context);

	/**
	 * The most requests a second the scenario allows if the server never makes a request
	 * wait for another, where theory gives one.
	 */
	public OptionalDouble bound(ScenarioResult run) {
		return OptionalDouble.empty();
	}

	/**
	 * The fewest replicas of each app it runs on: more than one for a type that stops one
	 * while the others serve.
	 */
	public int leastReplicas() {
		return 1;
	}

	/**
	 * Requests sent that never got an answer, failed or not, before the run's time was
	 * up: none but where the type knows how many it sent.
	 */
	public long unanswered(ScenarioResult run) {
		return 0;
	}

	/**
	 * Its charts in the report, built from {@link ReportCharts}' shapes: by default one
	 * per request row.
	 */
	public List<Chart> charts(ComparisonResults results, Scenario scenario) {
		return ReportCharts.byRow(results, scenario);
	}

	/**
	 * Whether Little's law is checked on the whole run, the client's in-flight count
	 * against the app's: for the types whose headline row is a steady wait.
	 */
	public boolean checksLittlesLaw() {
		return false;
	}

	/**
	 * This type's own report tables that lead the report, beside the verdicts (a capacity
	 * at the SLO), over every scenario of it in the comparison.
	 */
	public List<Table> leadingTables(ComparisonResults results, List<Scenario> scenarios) {
		return List.of();
	}

	/**
	 * This type's own report tables over every scenario of it in the comparison, after
	 * the throughput and latency of every request row; tables of several types with one
	 * title are shown as one.
	 */
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		return List.of();
	}

	/**
	 * Said by a type that has no headline figure, with why beside it: an instance of its
	 * own, so that an empty list returned by mistake is told from it.
	 */
	public static final List<Measure> NO_HEADLINES = Collections.unmodifiableList(new ArrayList<>());

	/**
	 * Said by a type that has no claim, with why beside it; told from an empty list
	 * alike.
	 */
	public static final List<Claim> NO_CLAIMS = Collections.unmodifiableList(new ArrayList<>());

	/**
	 * A page's {@code delay} query parameter in milliseconds, with the apps' own default
	 * (100), read as the apps read it.
	 */
	public static long delayMillis(String path) {
		return SlowPage.of(Query.parse(URI.create(path).getRawQuery())).delay();
	}

	@Override
	public String toString() {
		return this.id;
	}

}
