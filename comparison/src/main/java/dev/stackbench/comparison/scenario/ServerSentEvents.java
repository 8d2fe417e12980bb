package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.StreamSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * Server-sent events ({@link StreamSimulation}): subscribers that each hold a stream of
 * {@code /api/stream} open to its last event, every event due on a schedule. Little's law
 * says how many streams are open at once (arrivals a second × a stream's length); a stack
 * that gives each stream a thread for its whole length serves at most as many streams as
 * it has threads, and the others wait for one, their events late by up to a stream's
 * length; a stack whose streams wait on timers keeps the schedule.
 */
final class ServerSentEvents extends ScenarioType<StreamSimulation.Load> {

	ServerSentEvents() {
		super("stream", "STREAM", StreamSimulation.Load.class, StreamSimulation.DEFAULTS, false);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return StreamSimulation.class;
	}

	/**
	 * The ramp, one stream's length, and the streams that waited for a thread, roughly.
	 */
	@Override
	public double estimatedSeconds(StreamSimulation.Load load) {
		return load.rampSeconds() + 2 * load.streamLength().toSeconds() + 5;
	}

	private static long expectedEvents(StreamSimulation.Load load) {
		return (long) load.subscribers() * load.events();
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		StreamSimulation.Load load = load(scenario);
		return List.of(new Measure(scenario.id(), format(Locale.ROOT, "events delivered of %,d", expectedEvents(load)),
				"events", Better.HIGHER, false, false, false, Headlines.row(StreamSimulation.EVENTS, RequestStats::ok)),
				new Measure(scenario.id(),
						format(Locale.ROOT, "p99 lateness of an event, %,.0f streams open at once", load.peakStreams()),
						"ms", Better.LOWER, false, true, true,
						Headlines.row(StreamSimulation.LATENESS, RequestStats::p99)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		StreamSimulation.Load load = load(run.scenario());
		Optional<Integer> workers = context.workers(run.stack());
		return List.of((workers.isPresent() && workers.get() < load.peakStreams())
				? threadsCapTheStreams(run, load, workers.get()) : keepsTheSchedule(run, load));
	}

	/**
	 * Nothing holds a thread while a stream waits for its next event: every event
	 * arrives, and none later than the simulation's own limit.
	 */
	private static Claim keepsTheSchedule(ScenarioResult run, StreamSimulation.Load load) {
		String statement = format(Locale.ROOT,
				"%s: with %,.0f streams open at once (%d subscribers × %d events %d ms apart), every event is "
						+ "delivered, none more than %d ms late",
				run.stack().id(), load.peakStreams(), load.subscribers(), load.events(), load.intervalMillis(),
				load.maxLateMillis());
		Optional<RequestStats> lateness = run.row(StreamSimulation.LATENESS);
		if (lateness.isEmpty()) {
			return Claim.notChecked(statement, "row " + StreamSimulation.LATENESS + " missing");
		}
		RequestStats row = lateness.get();
		return new Claim(statement, row.ok() >= expectedEvents(load) && row.max() < load.maxLateMillis(),
				evidence(run, load, row));
	}

	/**
	 * A thread per stream for its whole length: at most {@code workers} streams at once,
	 * the others queued for a thread in their order of arrival, each starting when the
	 * stream {@code workers} ahead of it ends. Every event of a waiting stream is as late
	 * as its stream's wait, so the latest event is the longest wait.
	 */
	private static Claim threadsCapTheStreams(ScenarioResult run, StreamSimulation.Load load, int workers) {
		long wait = expectedWaitMillis(load, workers);
		String statement = format(Locale.ROOT,
				"%s: with %d request threads for %,.0f streams open at once, the streams past the threads queue for "
						+ "one, each starting when the stream %d ahead of it ends: the last waits %,d ms, and its "
						+ "events are that late",
				run.stack().id(), workers, load.peakStreams(), workers, wait);
		Optional<RequestStats> lateness = run.row(StreamSimulation.LATENESS);
		if (lateness.isEmpty()) {
			return Claim.notChecked(statement, "row " + StreamSimulation.LATENESS + " missing");
		}
		int latest = lateness.get().max();
		return new Claim(statement, latest >= WAIT_SHARE * wait && latest <= wait + load.maxLateMillis(),
				evidence(run, load, lateness.get()));
	}

	/**
	 * How much of the predicted wait the latest event must show: the arrivals are spread
	 * by Gatling's clock, not exactly evenly.
	 */
	private static final double WAIT_SHARE = 0.8;

	/**
	 * The longest wait for a thread, in milliseconds: arrivals spread evenly over the
	 * ramp, served in order by {@code workers} threads that each hold a stream for its
	 * length.
	 */
	static long expectedWaitMillis(StreamSimulation.Load load, int workers) {
		double gap = load.rampSeconds() * 1000.0 / load.subscribers();
		double length = load.streamLength().toMillis();
		double[] starts = new double[load.subscribers()];
		double longest = 0;
		for (int k = 0; k < starts.length; k++) {
			double arrival = k * gap;
			starts[k] = (k < workers) ? arrival : Math.max(arrival, starts[k - workers] + length);
			longest = Math.max(longest, starts[k] - arrival);
		}
		return Math.round(longest);
	}

	private static String evidence(ScenarioResult run, StreamSimulation.Load load, RequestStats lateness) {
		return format(Locale.ROOT,
				"%,d of %,d events delivered; lateness p50 %d ms, p99 %d ms, max %d ms; %d streams failed; "
						+ "%d live threads at most",
				lateness.ok(), expectedEvents(load), lateness.p50(), lateness.p99(), lateness.max(),
				run.row(StreamSimulation.STREAM).map(RequestStats::ko).orElse(0L), run.app().maxLiveThreads());
	}

	@Override
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			StreamSimulation.Load load = load(scenario);
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				if (runs.isEmpty()) {
					continue;
				}
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(Cells.count(load.subscribers())),
						Cell.of(Cells.count(load.peakStreams())), Cell.of(Cells.count(load.peakEventsPerSecond())),
						Cells.rowSpread(runs, StreamSimulation.EVENTS, RequestStats::ok),
						Cells.latencies(runs, StreamSimulation.LATENESS),
						Cells.rowSpread(runs, StreamSimulation.LATENESS, RequestStats::max),
						Cells.rowSpread(runs, StreamSimulation.CONNECT, RequestStats::p99),
						Cells.rowSpread(runs, StreamSimulation.STREAM, RequestStats::ko),
						Cells.spread(runs.stream().map(ScenarioResult::app).toList(), AppMetrics::maxLiveThreads)));
			}
		}
		return List.of(new Table("Server-sent events",
				"Each subscriber opens one stream and reads it to its last event; event n of a stream is due n × "
						+ "the interval after its request was sent, and its lateness is when it came less that. "
						+ "Streams open at once and events a second at the peak are what the load asks for, by "
						+ "Little's law (arrivals a second × a stream's length).",
				List.of("scenario", "model", "subscribers", "streams at once", "events/s asked", "events delivered",
						"lateness p50 / p99 / p99.9 ms", "latest ms", "connect p99 ms", "streams failed",
						"max live threads"),
				rows));
	}

}
