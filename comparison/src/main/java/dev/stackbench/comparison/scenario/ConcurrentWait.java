package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.comparison.theory.Theory;
import dev.stackbench.gatling.simulation.LittlesLaw;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * Many concurrent clients on a page that waits ({@link ThroughputSimulation} at one level
 * of users): the Little's-law bound is users / delay, which a stack that does not hold a
 * thread per waiting request reaches, and one with fewer threads than users is capped
 * below, at threads / delay.
 */
final class ConcurrentWait extends SteppedUsers {

	/**
	 * The slowest a plain request may be answered while slow ones are in flight, on a
	 * stack that does not block.
	 */
	static final int RESPONSIVE_MILLIS = 50;

	/** How close to its Little's-law bound a stack that does not block must come. */
	static final double NON_BLOCKING_SHARE_OF_BOUND = 0.8;

	ConcurrentWait() {
		super("concurrent-wait", "CONCURRENT_WAIT",
				new ThroughputSimulation.Load("/api/slow?delay=500", List.of(1000), 10, 5000, 0, ""));
	}

	@Override
	public boolean checksLittlesLaw() {
		return true;
	}

	@Override
	public OptionalDouble bound(ScenarioResult run) {
		ThroughputSimulation.Load load = load(run.scenario());
		return OptionalDouble.of(LittlesLaw.throughputBound(load.users().getFirst(), delayMillis(load.path())));
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		ThroughputSimulation.Load load = load(scenario);
		return List.of(new Measure(scenario.id(),
				format(Locale.ROOT, "throughput at %d users on %s", load.users().getFirst(), load.path()), "req/s",
				Better.HIGHER, true, false, false, Headlines.headline(RequestStats::throughput)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		List<Claim> claims = new ArrayList<>();
		claims.add(boundOrCap(run, context));
		responsiveness(run, context).ifPresent(claims::add);
		return claims;
	}

	private Claim boundOrCap(ScenarioResult run, ClaimContext context) {
		ThroughputSimulation.Load load = load(run.scenario());
		double delay = delayMillis(load.path());
		int users = load.users().getFirst();
		double bound = bound(run).orElseThrow();
		Optional<Integer> workers = context.workers(run.stack());
		Optional<RequestStats> headline = run.headline();
		if (workers.isPresent() && workers.get() < users) {
			double cap = LittlesLaw.throughputBound(workers.get(), delay);
			String statement = format(Locale.ROOT,
					"%s: with %d request threads and %.0f ms per request, throughput is capped at threads / delay = "
							+ "%.0f req/s, below the bound of %.0f req/s",
					run.stack().id(), workers.get(), delay, cap, bound);
			if (headline.isEmpty()) {
				return Claim.notChecked(statement, "no request row in the run");
			}
			double throughput = headline.get().throughput();
			return new Claim(statement, throughput <= cap * Theory.CAP_SLACK,
					format(Locale.ROOT, "%.0f req/s measured at %d concurrent requests (%.0f%% of the cap)", throughput,
							users, 100 * throughput / cap));
		}
		String statement = format(Locale.ROOT,
				"%s: at %d concurrent slow requests (%.0f ms each), it reaches at least %.0f%% of the Little's-law "
						+ "bound of %.0f req/s",
				run.stack().id(), users, delay, 100 * NON_BLOCKING_SHARE_OF_BOUND, bound);
		if (headline.isEmpty()) {
			return Claim.notChecked(statement, "no request row in the run");
		}
		double throughput = headline.get().throughput();
		return new Claim(statement, throughput >= NON_BLOCKING_SHARE_OF_BOUND * bound,
				format(Locale.ROOT, "%.0f req/s = %.0f%% of the bound", throughput, 100 * throughput / bound));
	}

	/**
	 * A stack that waits without holding a thread per request must still answer an
	 * unrelated plain request promptly while every user waits on a slow one: its slowest
	 * probe under {@link #RESPONSIVE_MILLIS}. A stack whose threads are all taken by the
	 * load makes no such claim; its probe row shows the wait for a thread.
	 */
	private Optional<Claim> responsiveness(ScenarioResult run, ClaimContext context) {
		ThroughputSimulation.Load load = load(run.scenario());
		int users = load.users().getFirst();
		Optional<Integer> workers = context.workers(run.stack());
		if (load.probePath().isEmpty() || (workers.isPresent() && workers.get() <= users)) {
			return Optional.empty();
		}
		String statement = format(Locale.ROOT,
				"%s: while %d slow requests are in flight, a plain request is still answered within %d ms",
				run.stack().id(), users, RESPONSIVE_MILLIS);
		Optional<RequestStats> probe = run.probe();
		if (probe.isEmpty()) {
			return Optional.of(Claim.notChecked(statement,
					"row " + ThroughputSimulation.probeName(load.probePath()) + " missing"));
		}
		RequestStats row = probe.get();
		return Optional.of(new Claim(statement, row.ko() == 0 && row.max() < RESPONSIVE_MILLIS,
				format(Locale.ROOT, "%d probes: p50 %d ms, p99 %d ms, max %d ms, %d failed", row.count(), row.p50(),
						row.p99(), row.max(), row.ko())));
	}

}
