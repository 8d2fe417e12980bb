package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;

import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.WarmUp;
import dev.stackbench.comparison.scenario.Cost;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * Warms a freshly started stack up before its first scenario, on the pages the scenarios
 * load: closed-loop rounds on the fast pages until their throughput stops growing, every
 * other page once, then, confined to its own cores, arrivals at the cost scenario's rate
 * until the JIT is done with them (the settle rule). How it ended is a {@link WarmUp}.
 */
final class WarmingUp {

	/**
	 * The pages whose throughput settles the warm-up, when the scenarios load them: fast
	 * pages, whose code the JIT must have compiled before a cost per request or a peak is
	 * measured.
	 */
	private static final List<String> SETTLING_PATHS = List.of("/api/hello", "/api/json");

	/**
	 * Pages a round of 64 closed-loop users does not suit: a stream holds each user for
	 * seconds.
	 */
	private static final List<String> NOT_WARMED = List.of("/api/stream");

	/**
	 * The settling rounds' rate when no cost scenario gives one: a modest one that every
	 * stack keeps up with from its first round.
	 */
	private static final double SETTLING_RATE = 1_000;

	private static final int SETTLING_ROUND_SECONDS = 2;

	/**
	 * The share of the limit, in thousandths, the closed-loop rounds may take; the rest
	 * is for the settling rounds. A third: measured here (75 s limit, 2 s rounds), a
	 * platform fork whose closed loop was cut at half the limit, still growing, settled
	 * in the same six rounds as forks whose loop had stopped growing, to the same cost
	 * per request; the settling rounds finish the JIT's work sooner, the app's requests
	 * leaving its compiler threads most of a core.
	 */
	private static final long COMPILING_SHARE = 333;

	/**
	 * The last closed-loop round of every fast page grew its page's best throughput by
	 * less than this: the JIT has compiled what the closed loop shows it.
	 */
	private static final double WARM_UP_GROWTH = 0.05;

	/**
	 * A round's throughput is its full seconds' ({@link GatlingRun#sustainedThroughput}),
	 * one or two in a 2 s round: noisier than 3 s rounds, which cost a fork about 10 s
	 * more here. A noisy round can end the closed loop early (measured here, at 4,700 to
	 * 9,100 req/s on some platform forks); the settling rounds' own rule then finishes
	 * the warm-up. Of four such forks one came out its stack's outlier (142 µs per
	 * request against 82), about as often as among forks whose loop reached its peak.
	 */
	private static final int WARM_UP_ROUND_SECONDS = 2;

	/**
	 * The other paths' warm-up: long enough for the JIT to see each of them, once the
	 * plain page is compiled.
	 */
	private static final int WARM_UP_OTHER_PATH_SECONDS = 2;

	private final Options options;

	private final Progress progress;

	WarmingUp(Options options, Progress progress) {
		this.options = options;
		this.progress = progress;
	}

	/**
	 * Loads the paths the scenarios use, the waiting one included: the JIT compiles what
	 * it has seen run, and a thousand sleeping virtual threads take a different path from
	 * a fast page. The plain page is loaded in rounds until its throughput stops growing:
	 * on one core the JIT takes long to be done (measured here, the reactive app served
	 * 1,100, 1,900, 4,600 and then 11,000 req/s in four 8 s rounds after its start, and a
	 * warm-up of 2 s rounds that stopped at a tenth's growth left the platform app at 95%
	 * CPU for its first 1,000 req/s). Then arrivals at a modest rate, so that accepting
	 * and closing connections is compiled too: an open model's first step otherwise meets
	 * an app that accepts slowly, each slow answer makes the load generator open another
	 * connection, and a cold app went from 3 ms to seconds at 1,000 req/s with thousands
	 * of connections open.
	 */
	WarmUp warmUp(Target target, Optional<AppCounters> counters, int run, Path folder,
			RunningStack.Confinement confinement) throws IOException {
		return warmUp(target, counters, run, folder, confinement, paths());
	}

	/**
	 * A warm-up as above, on {@code paths} only: a bare Spring Boot app's, which serves
	 * nothing else.
	 */
	WarmUp warmUp(Target target, Optional<AppCounters> counters, int run, Path folder,
			RunningStack.Confinement confinement, List<String> paths) throws IOException {
		Instant started = Instant.now();
		Instant deadline = started.plusSeconds(this.options.preset().warmUpLimitSeconds());
		Instant compiled = started.plusMillis(this.options.preset().warmUpLimitSeconds() * COMPILING_SHARE);
		List<String> settling = settling(paths);
		// Closed-loop rounds through the settling pages in turn, for the JIT to see them
		// as often as it can: until the last round of every page beat none of their
		// bests by WARM_UP_GROWTH, after at least two rounds of each (one flat round is
		// often only the pause between the JIT's tiers), or until its share of the limit
		// is up. The last round of each page, not a turn's: a turn's rule waited, on
		// average, half a turn longer for the same evidence.
		Map<String, Double> best = new LinkedHashMap<>();
		Map<String, Boolean> grew = new LinkedHashMap<>();
		double now = 0;
		int rounds = 0;
		while ((rounds < 2 * settling.size() || grew.containsValue(true)) && Instant.now().isBefore(compiled)) {
			String path = settling.get(rounds % settling.size());
			now = warmUpRound(target, path, WARM_UP_ROUND_SECONDS, folder);
			rounds++;
			double before = best.getOrDefault(path, 0.0);
			grew.put(path, now > before * (1 + WARM_UP_GROWTH));
			best.put(path, Math.max(before, now));
			this.progress.stack(target.stack(), String.format(Locale.ROOT, "warming up: %,.0f req/s on %s", now, path));
		}
		otherPages(target, paths, settling, folder);
		// Settled on its own cores, as the scenarios will load it: measured here, the
		// first window after an app was confined cost it half as much again per request
		// as the next.
		confinement.confine();
		List<Double> costs = new ArrayList<>();
		boolean settled = settle(target, counters, settling, deadline, folder, costs);
		return new WarmUp(target.stack(), run, rounds, best.getOrDefault(settling.getFirst(), 0.0), now, settled,
				this.options.preset().warmUpLimitSeconds(), costs);
	}

	/**
	 * Loads an AOT cache's training run as a warm-up does, for a fixed time: every page
	 * the scenarios load, in closed-loop rounds, and the fast pages at the settling rate
	 * too. What the cache keeps is which classes these load and their methods' profiles,
	 * so the training need not wait for the JIT to be done.
	 */
	void train(Target target, Path folder) throws IOException {
		List<String> paths = paths();
		List<String> settling = settling(paths);
		for (int turn = 1; turn <= 2; turn++) {
			for (String path : settling) {
				double throughput = warmUpRound(target, path, WARM_UP_ROUND_SECONDS, folder);
				this.progress.stack(target.stack(),
						String.format(Locale.ROOT, "training: %,.0f req/s on %s", throughput, path));
			}
		}
		otherPages(target, paths, settling, folder);
		for (String path : settling) {
			GatlingRun.run(OpenRateSimulation.class,
					new OpenRateSimulation.Load(path, settlingRate(), SETTLING_ROUND_SECONDS, 60_000), target,
					this.options.isRemote(), folder, false);
		}
	}

	/** One round on each page the scenarios load besides the settling ones. */
	private void otherPages(Target target, List<String> paths, List<String> settling, Path folder) throws IOException {
		for (String path : paths) {
			if (!settling.contains(path)) {
				warmUpRound(target, path, WARM_UP_OTHER_PATH_SECONDS, folder);
			}
		}
	}

	/** The pages the scenarios load, but for those a closed-loop round does not suit. */
	private List<String> paths() {
		return this.options.scenarios()
			.stream()
			.flatMap((scenario) -> scenario.paths().stream())
			.filter((path) -> NOT_WARMED.stream().noneMatch(path::startsWith))
			.distinct()
			.toList();
	}

	/** The fast pages among them, or the plain page when the scenarios load none. */
	private static List<String> settling(List<String> paths) {
		List<String> settling = SETTLING_PATHS.stream().filter(paths::contains).toList();
		return settling.isEmpty() ? List.of(SETTLING_PATHS.getFirst()) : settling;
	}

	/** The cost scenario's rate, or {@link #SETTLING_RATE} when the run has none. */
	private double settlingRate() {
		return this.options.scenarios()
			.stream()
			.map(Scenario::load)
			.filter(Cost.Load.class::isInstance)
			.map((load) -> ((Cost.Load) load).rate())
			.findFirst()
			.orElse(SETTLING_RATE);
	}

	/**
	 * Settles the warm-up on what the scenarios load: arrivals at the cost scenario's
	 * rate (or {@link #SETTLING_RATE}) on the settling pages in turn, in short rounds,
	 * until the last round on every page left the JIT's compiler threads under
	 * {@link WarmUp#COMPILING_CPU} of a core, each round's CPU per request recorded.
	 * Measured here, a throughput that had stopped growing still left an app spending 3
	 * times the CPU per request that it spent 40 s later (660, 305 and then 98 µs per
	 * request of {@code /api/hello} at 1,000, 3,000 and again 3,000 req/s on the platform
	 * stack): async-profiler's CPU profile of that window had the compiler threads at 16%
	 * of its samples and the GC at 11%. Arrivals also compile accepting and closing
	 * connections: an open model's first step otherwise meets an app that accepts slowly.
	 * @return whether the last round on every page left the compiler threads quiet before
	 * the deadline; true for an app whose process cannot be read here, after one turn
	 */
	private boolean settle(Target target, Optional<AppCounters> counters, List<String> paths, Instant deadline,
			Path folder, List<Double> costs) throws IOException {
		double rate = settlingRate();
		// The last round of each page, as the closed-loop rounds are judged: a turn
		// begun by a compiling round need not be waited out once every page has had a
		// quiet one since.
		Map<String, Boolean> compiling = new LinkedHashMap<>();
		paths.forEach((path) -> compiling.put(path, true));
		int round = 0;
		do {
			String path = paths.get(round++ % paths.size());
			// Each round reads the app as a scenario does: a metrics scrape (as before
			// every scenario) and its counters over JMX (as around every cost window).
			// Measured here, the first window after a warm-up that had done neither had
			// the compiler threads at a third of a core and the requests at 1.5 to 2
			// times the CPU of the next window: the classes those reads load cost
			// compiled code its assumptions, and the JIT compiled again.
			MetricsSampler.inFlight(target.actuators("prometheus"));
			Optional<ProcessCounters> before = (counters.isPresent()) ? Optional.of(counters.get().readOpening())
					: Optional.empty();
			Instant started = Instant.now();
			long answered = GatlingRun
				.run(OpenRateSimulation.class, new OpenRateSimulation.Load(path, rate, SETTLING_ROUND_SECONDS, 60_000),
						target, this.options.isRemote(), folder, false)
				.requests()
				.stream()
				.mapToLong(RequestStats::ok)
				.sum();
			Optional<ProcessCounters> after = (counters.isPresent()) ? Optional.of(counters.get().readClosing())
					: Optional.empty();
			double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
			if (before.isEmpty() || after.isEmpty()) {
				compiling.put(path, false);
				continue;
			}
			ProcessCounters spent = after.get().since(before.get());
			double compilerShare = spent.compilerCpuNanos() / 1e9 / seconds;
			// As the cost windows count it: the JIT's compiling is not a request's.
			double micros = spent.cpuNanosBesidesCompiling() / 1_000.0 / Math.max(1, answered);
			costs.add(micros);
			compiling.put(path, compilerShare > WarmUp.COMPILING_CPU);
			this.progress.stack(target.stack(),
					String.format(Locale.ROOT,
							"warming up: %.0f µs of CPU per request on %s at %,.0f req/s, the JIT at %.0f%% of a core",
							micros, path, rate, 100 * compilerShare));
		}
		while (compiling.containsValue(true) && Instant.now().isBefore(deadline));
		return !compiling.containsValue(true);
	}

	/** 64 users on one page for a few seconds; its throughput. */
	private double warmUpRound(Target target, String path, int seconds, Path folder) throws IOException {
		return GatlingRun
			.run(ThroughputSimulation.class, new ThroughputSimulation.Load(path, List.of(64), seconds, 60_000, 100, ""),
					target, this.options.isRemote(), folder, false)
			.requests()
			.stream()
			.mapToDouble(RequestStats::throughput)
			.sum();
	}

}
