package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.report.Cells;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.comparison.theory.Theory;
import dev.stackbench.gatling.simulation.DatabaseSimulation;
import dev.stackbench.gatling.simulation.LittlesLaw;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.db.DbQuery;
import io.gatling.javaapi.core.Simulation;

/**
 * The connection pool as the bottleneck ({@link DatabaseSimulation}): a closed model of
 * many users on a query that waits in the database, whose throughput the pool caps at
 * connections / query time whatever the threads, then an open model of arrivals past that
 * bound. Its headline is the closed model's.
 */
final class Database extends ScenarioType<DatabaseSimulation.Load> {

	Database() {
		super("database", "DATABASE", DatabaseSimulation.Load.class, DatabaseSimulation.DEFAULTS, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return DatabaseSimulation.class;
	}

	/** The open half is an open model. */
	@Override
	public boolean closedLoop(String row) {
		return !DatabaseSimulation.OPEN.equals(row);
	}

	/** The open half's queue drains after its arrivals stop. */
	@Override
	public double estimatedSeconds(DatabaseSimulation.Load load) {
		return load.closedSeconds() + load.openSeconds() + 8;
	}

	/** The query's wait in the database, with the apps' own default (10 ms). */
	static long queryMillis(DatabaseSimulation.Load load) {
		return DbQuery.of(Query.parse(URI.create(load.path()).getRawQuery())).delay();
	}

	/**
	 * The pool's Little's-law bound, connections / query time, from the pool size the
	 * app's own meters reported; empty where they did not.
	 */
	@Override
	public OptionalDouble bound(ScenarioResult run) {
		int connections = run.app().pool().size();
		return (connections > 0)
				? OptionalDouble.of(LittlesLaw.throughputBound(connections, queryMillis(load(run.scenario()))))
				: OptionalDouble.empty();
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		DatabaseSimulation.Load load = load(scenario);
		return List.of(new Measure(scenario.id(),
				format(Locale.ROOT, "throughput at %d users on %s", load.users(), load.path()), "req/s", Better.HIGHER,
				true, false, false, Headlines.row(DatabaseSimulation.CLOSED, RequestStats::throughput)),
				new Measure(scenario.id(), format(Locale.ROOT, "requests failed at %,.0f req/s offered", load.rate()),
						"requests", Better.LOWER, false, false, false,
						Headlines.row(DatabaseSimulation.OPEN, RequestStats::ko)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		List<Claim> claims = new ArrayList<>();
		claims.add(poolIsTheBottleneck(run));
		sameAsPlatformThreads(run, context).ifPresent(claims::add);
		return claims;
	}

	/**
	 * With a query that holds a pooled connection and many more users than connections,
	 * the pool is the bottleneck on any stack: every connection busy, requests waiting
	 * for one, and throughput within connections / query time. Below the bound by what a
	 * connection is held beyond the query's wait (the round trip, the app's own work
	 * while it holds it), which the evidence gives as the hold time Little's law implies.
	 */
	private Claim poolIsTheBottleneck(ScenarioResult run) {
		DatabaseSimulation.Load load = load(run.scenario());
		AppMetrics.Pool pool = run.app().pool();
		OptionalDouble bound = bound(run);
		Optional<RequestStats> closed = run.row(DatabaseSimulation.CLOSED);
		if (closed.isEmpty() || bound.isEmpty()) {
			return Claim.notChecked(
					format(Locale.ROOT, "%s: %d users on a %d ms query: the pool is the bottleneck", run.stack().id(),
							load.users(), queryMillis(load)),
					closed.isEmpty() ? "row " + DatabaseSimulation.CLOSED + " missing"
							: "the app reported no pool size");
		}
		String statement = format(Locale.ROOT,
				"%s: %d users on a %d ms query share %d pooled connections: the pool is the bottleneck (every "
						+ "connection busy, requests waiting for one) and throughput stays within its bound, "
						+ "connections / query time = %.0f req/s",
				run.stack().id(), load.users(), queryMillis(load), pool.size(), bound.getAsDouble());
		double throughput = closed.get().throughput();
		boolean saturated = pool.maxActive() >= pool.size() && pool.maxPending() > 0;
		return new Claim(statement, saturated && throughput <= bound.getAsDouble() * Theory.CAP_SLACK,
				format(Locale.ROOT,
						"%.0f req/s = %.0f%% of the bound, so each connection was held %.1f ms per %d ms query; "
								+ "%d of %d connections busy at most, up to %d requests waiting for one",
						throughput, 100 * throughput / bound.getAsDouble(), 1000.0 * pool.size() / throughput,
						queryMillis(load), pool.maxActive(), pool.size(), pool.maxPending()));
	}

	/**
	 * Where the pool is the bottleneck the serving model no longer decides: virtual
	 * threads and event loops serve about what platform threads do, within
	 * {@link Theory#SAME_THROUGHPUT}.
	 */
	private Optional<Claim> sameAsPlatformThreads(ScenarioResult run, ClaimContext context) {
		if (run.stack().model() == ServingModel.PLATFORM) {
			return Optional.empty();
		}
		String statement = format(Locale.ROOT,
				"%s: with the pool as the bottleneck, it reaches about the throughput of platform threads (within "
						+ "%.0f%%)",
				run.stack().id(), 100 * Theory.SAME_THROUGHPUT);
		Optional<ScenarioResult> platformRun = context.closest(run,
				(other) -> other.stack() == Contender.PLATFORM && other.scenario().id().equals(run.scenario().id()));
		if (platformRun.isEmpty()) {
			return Optional.empty();
		}
		Optional<RequestStats> closed = run.row(DatabaseSimulation.CLOSED);
		Optional<RequestStats> platform = platformRun.get().row(DatabaseSimulation.CLOSED);
		if (closed.isEmpty() || platform.isEmpty() || platform.get().throughput() <= 0) {
			return Optional.of(Claim.notChecked(statement, "row " + DatabaseSimulation.CLOSED + " missing"));
		}
		double ratio = closed.get().throughput() / platform.get().throughput();
		return Optional.of(new Claim(statement, Math.abs(ratio - 1) <= Theory.SAME_THROUGHPUT,
				format(Locale.ROOT, "%.0f req/s against platform's %.0f req/s (%+.0f%%)", closed.get().throughput(),
						platform.get().throughput(), 100 * (ratio - 1))));
	}

	@Override
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			DatabaseSimulation.Load load = load(scenario);
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				if (runs.isEmpty()) {
					continue;
				}
				List<AppMetrics.Pool> pools = runs.stream().map((run) -> run.app().pool()).toList();
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()),
						Cell.of(String.valueOf(pools.getFirst().size())),
						Cell.of(bound(runs.getFirst()).stream().mapToObj(Cells::count).findFirst().orElse("-")),
						Cells.rowSpread(runs, DatabaseSimulation.CLOSED, RequestStats::throughput),
						Cell.of(Spread.of(runs.stream()
							.map((run) -> 100
									* run.row(DatabaseSimulation.CLOSED).map(RequestStats::throughput).orElse(0.0)
									/ bound(run).orElse(Double.NaN))
							.toList()).text(0) + "%"),
						Cells.latencies(runs, DatabaseSimulation.CLOSED),
						Cell.of(Cells.count(load.rate()) + " → "
								+ Cells.rowSpread(runs, DatabaseSimulation.OPEN, RequestStats::throughput).text()),
						Cells.rowSpread(runs, DatabaseSimulation.OPEN, RequestStats::ko),
						Cells.metered(pools, AppMetrics.Pool::maxActive, 1),
						Cells.metered(pools, AppMetrics.Pool::minIdle, 1),
						Cells.metered(pools, AppMetrics.Pool::maxPending, 1),
						Cells.metered(pools, AppMetrics.Pool::meanAcquireMillis, 1)));
			}
		}
		return List.of(new Table("Database pool",
				"The pool as the bottleneck: first a closed model of many users on a query that waits in the "
						+ "database, whose throughput the pool caps at connections / query time whatever the threads; "
						+ "then arrivals past that bound, which wait for a connection until the acquire timeout turns "
						+ "them away (503), or, where requests queue for a thread before they ask for a connection "
						+ "(platform threads), wait there instead. Pool figures are the pool's own meters, scraped "
						+ "every second over both halves; r2dbc-pool does not time its acquisitions.",
				List.of("scenario", "model", "pool", "bound req/s", "closed req/s", "share of bound",
						"closed p50 / p99 / p99.9 ms", "open offered → served req/s", "open failed", "max active",
						"min idle", "max pending", "mean acquire ms"),
				rows));
	}

}
