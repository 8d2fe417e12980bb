package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.WarmUp;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;

/**
 * Warms a freshly started stack up before its first scenario: rounds on the plain page
 * until its throughput stops growing (the settle rule), every other path once, arrivals
 * at a modest rate, and then a wait until the app's CPU is quiet. How it ended is a
 * {@link WarmUp}.
 */
final class WarmingUp {

	/**
	 * The app's CPU, as a share of its cores, under which it counts as quiet. After the
	 * warm-up the JIT goes on compiling for a while: on one core, measured here, C2 alone
	 * took half of it for 20 s and more, and a capacity search that started then saw p99s
	 * of 100 ms to 2 s at 1,000 req/s on every stack, against 3 to 20 ms once compiled.
	 */
	private static final double QUIET_CPU_SHARE = 0.1;

	private static final Duration QUIET_WINDOW = Duration.ofSeconds(2);

	private static final List<String> WARM_UP_PATHS = List.of("/api/hello", "/api/slow?delay=10", "/api/cpu?work=2000",
			"/api/db/query?delay=1");

	private static final double WARM_UP_ARRIVALS_PER_SECOND = 300;

	/**
	 * Two warm-up rounds in a row that grow the plain page's best throughput by less than
	 * this: the JIT is done.
	 */
	private static final double WARM_UP_GROWTH = 0.05;

	/**
	 * Long enough that a round's throughput is not mostly its first and last partial
	 * seconds.
	 */
	private static final int WARM_UP_ROUND_SECONDS = 4;

	/**
	 * The other paths' warm-up: long enough for the JIT to see each of them, once the
	 * plain page is compiled.
	 */
	private static final int WARM_UP_OTHER_PATH_SECONDS = 3;

	private final Options options;

	private final CpuSplit cpus;

	private final Progress progress;

	WarmingUp(Options options, CpuSplit cpus, Progress progress) {
		this.options = options;
		this.cpus = cpus;
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
	WarmUp warmUp(Target target, int run, Path folder) throws IOException {
		Instant deadline = Instant.now().plusSeconds(this.options.preset().warmUpLimitSeconds());
		// Done when two rounds in a row fail to beat the best so far by WARM_UP_GROWTH:
		// one flat round is often only the pause between the JIT's tiers.
		double best = 0;
		double now = 0;
		int flat = 0;
		int rounds = 0;
		while (flat < 2 && Instant.now().isBefore(deadline)) {
			now = warmUpRound(target, WARM_UP_PATHS.getFirst(), WARM_UP_ROUND_SECONDS, folder);
			rounds++;
			flat = (now > best * (1 + WARM_UP_GROWTH)) ? 0 : flat + 1;
			best = Math.max(best, now);
			this.progress.stack(target.stack(), String.format(Locale.ROOT, "warming up: %,.0f req/s on %s%s", now,
					WARM_UP_PATHS.getFirst(), (flat == 0) ? ", still growing" : ""));
		}
		for (String path : WARM_UP_PATHS.subList(1, WARM_UP_PATHS.size())) {
			warmUpRound(target, path, WARM_UP_OTHER_PATH_SECONDS, folder);
		}
		GatlingRun.run(
				OpenRateSimulation.class, new OpenRateSimulation.Load(WARM_UP_PATHS.getFirst(),
						WARM_UP_ARRIVALS_PER_SECOND, WARM_UP_OTHER_PATH_SECONDS, 60_000),
				target.baseUrl(), this.options.isRemote(), folder, false);
		awaitQuiet(target);
		return new WarmUp(target.stack(), run, rounds, best, now, flat >= 2,
				this.options.preset().warmUpLimitSeconds());
	}

	/** 64 users on one page for a few seconds; its throughput. */
	private double warmUpRound(Target target, String path, int seconds, Path folder) throws IOException {
		return GatlingRun
			.run(ThroughputSimulation.class, new ThroughputSimulation.Load(path, List.of(64), seconds, 60_000, 100, ""),
					target.baseUrl(), this.options.isRemote(), folder, false)
			.requests()
			.stream()
			.mapToDouble(RequestStats::throughput)
			.sum();
	}

	/**
	 * Waits until the app's own CPU is below {@link #QUIET_CPU_SHARE} of its cores over
	 * {@link #QUIET_WINDOW}: the JIT done with what the warm-up or the last scenario made
	 * hot, the garbage collector done with its leftovers.
	 */
	private void awaitQuiet(Target target) {
		if (this.options.isRemote()) {
			return;
		}
		Instant deadline = Instant.now().plus(StackMeasurement.IDLE_TIMEOUT);
		double share = 1;
		while (Instant.now().isBefore(deadline)) {
			double before = MetricsSampler.cpuSeconds(target.actuators("prometheus"));
			AppProcess.sleep(QUIET_WINDOW);
			double after = MetricsSampler.cpuSeconds(target.actuators("prometheus"));
			share = (after - before) / QUIET_WINDOW.toMillis() * 1000 / this.cpus.appCores();
			if (share < QUIET_CPU_SHARE) {
				return;
			}
		}
		this.progress.stack(target.stack(),
				String.format(Locale.ROOT, "still at %.0f%% CPU after %d s; the next scenario starts on a busy app",
						100 * share, StackMeasurement.IDLE_TIMEOUT.toSeconds()));
	}

}
