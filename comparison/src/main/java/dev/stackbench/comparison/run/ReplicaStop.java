package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.scenario.Measurement;

/**
 * One failover phase's disruption, beside its Gatling run: once the load has started, the
 * last replica is stopped at the load's {@code stopAtSeconds} and started again at
 * {@code restartAtSeconds} on the same ports; then it is watched until it serves a
 * request through the balancer again. A crash is a SIGKILL out of the blue, which only
 * nginx's passive health checks notice. A graceful stop is what a rolling update does:
 * the replica is taken out of the balancer's rotation first (Kubernetes' endpoint removal
 * and preStop sleep), then sent SIGTERM once it has finished what it had, and put back
 * once it is healthy again. Measured here without the drain, SIGTERM alone lost a write
 * now and then (one in 4,500): nginx had sent it on a keep-alive connection the stopping
 * server was closing, and a POST is not sent twice. Times are taken on this machine's
 * clock and placed on the Gatling run's seconds afterwards.
 */
final class ReplicaStop {

	/** How often the replicas are read while waiting for the load or for traffic. */
	private static final Duration POLL = Duration.ofMillis(50);

	/** Longer than Gatling takes to start a simulation, however loaded the machine. */
	private static final Duration LOAD_START_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The longest a drained replica is given to finish its requests: longer than any page
	 * a failover scenario loads, short of Kubernetes' default grace period.
	 */
	private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

	private final CompletableFuture<Timing> timing;

	private final String signal;

	private final int replica;

	private ReplicaStop(CompletableFuture<Timing> timing, String signal, int replica) {
		this.timing = timing;
		this.signal = signal;
		this.replica = replica;
	}

	/**
	 * When, counted from the load's first request, the replica is stopped and started
	 * again, and when the load ends.
	 */
	record Schedule(int stopAtSeconds, int restartAtSeconds, int durationSeconds) {
	}

	/** Starts watching for the load, on a thread of its own, and returns at once. */
	static ReplicaStop begin(RunningStack stack, Schedule load, String phase, boolean graceful, Path log,
			Progress progress) {
		int index = stack.replicaCount() - 1;
		CompletableFuture<Timing> timing = CompletableFuture.supplyAsync(() -> {
			try {
				return disrupt(stack, index, load, graceful, log, progress);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}, Thread.ofVirtual().name("failover " + phase)::start);
		return new ReplicaStop(timing, phase, index + 1);
	}

	private static Timing disrupt(RunningStack stack, int index, Schedule load, boolean graceful, Path log,
			Progress progress) throws IOException {
		List<URI> metrics = stack.target().actuators("prometheus");
		URI victim = metrics.get(index);
		Instant loadStarted = awaitLoad(metrics);
		sleepUntil(loadStarted.plusSeconds(load.stopAtSeconds()));
		AppProcess replica = stack.replica(index);
		LoadBalancer balancer = stack.balancer().orElseThrow();
		double inFlight = MetricsSampler.inFlightNow(victim).orElse(-1);
		Instant stopped = Instant.now();
		Duration drain = Duration.ZERO;
		if (graceful) {
			balancer.exclude(index);
			awaitDrained(victim);
			drain = Duration.between(stopped, Instant.now());
		}
		Duration exit = replica.stop(graceful);
		replica.close();
		progress
			.line(String.format(Locale.ROOT, "[%s] replica %d %s with %.0f requests in flight; exited in %.1f s",
					stack.target().stack().id(), index + 1, graceful ? String.format(Locale.ROOT,
							"drained in %.1f s and sent SIGTERM", drain.toMillis() / 1000.0) : "killed (SIGKILL)",
					inFlight, exit.toMillis() / 1000.0));
		sleepUntil(loadStarted.plusSeconds(load.restartAtSeconds()));
		Instant restarted = Instant.now();
		AppProcess again = replica.again(log);
		stack.replace(index, again);
		Instant healthy = Instant.now();
		if (graceful) {
			balancer.include(index);
		}
		Instant deadline = loadStarted.plusSeconds(load.durationSeconds());
		Instant traffic = null;
		while (traffic == null && Instant.now().isBefore(deadline)) {
			if (MetricsSampler.served(victim).orElse(0) > 0) {
				traffic = Instant.now();
			}
			else {
				AppProcess.sleep(POLL);
			}
		}
		progress.line(String.format(Locale.ROOT, "[%s] replica %d started again: healthy after %.1f s, %s",
				stack.target().stack().id(), index + 1, seconds(restarted, healthy),
				(traffic != null)
						? String.format(Locale.ROOT, "serving again after %.1f s", seconds(restarted, traffic))
						: "no request reached it before the load ended"));
		return new Timing(inFlight, stopped, drain, exit, restarted, healthy, traffic);
	}

	/**
	 * Waits, once the balancer sends a replica nothing new, until it has no request in
	 * flight.
	 */
	private static void awaitDrained(URI replica) {
		Instant deadline = Instant.now().plus(DRAIN_TIMEOUT);
		while (Instant.now().isBefore(deadline) && MetricsSampler.inFlightNow(replica).orElse(0) > 0) {
			AppProcess.sleep(POLL);
		}
	}

	/**
	 * Waits for the phase's own requests: the first moment the replicas together have
	 * served more than before.
	 */
	private static Instant awaitLoad(List<URI> metrics) throws IOException {
		double before = served(metrics);
		Instant deadline = Instant.now().plus(LOAD_START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (served(metrics) > before) {
				return Instant.now();
			}
			AppProcess.sleep(POLL);
		}
		throw new IOException("the failover load did not start within " + LOAD_START_TIMEOUT.toSeconds() + " s");
	}

	private static double served(List<URI> metrics) {
		return metrics.stream().mapToDouble((endpoint) -> MetricsSampler.served(endpoint).orElse(0)).sum();
	}

	/**
	 * What the clients saw around the stop and the return, from the phase's Gatling run.
	 */
	Disruption finish(Measurement.Measured outcome) throws IOException {
		Timing timing;
		try {
			timing = this.timing.get();
		}
		catch (ExecutionException ex) {
			throw new IOException("the failover phase " + this.signal + " could not stop and restart its replica: "
					+ ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted in the failover phase " + this.signal, ex);
		}
		return disruption(timing, GatlingRun.timeline(outcome.reportFolder()), outcome);
	}

	Disruption disruption(Timing timing, GatlingRun.Timeline timeline, Measurement.Measured outcome) {
		double stop = timeline.secondOf(timing.stopped().toEpochMilli());
		double restart = timeline.secondOf(timing.restarted().toEpochMilli());
		double back = (timing.traffic() != null) ? timeline.secondOf(timing.traffic().toEpochMilli()) : restart;
		List<Integer> p99s = timeline.between(1, stop)
			.stream()
			.map(GatlingRun.Timeline.Second::p99Millis)
			.filter((p99) -> p99 >= 0)
			.sorted()
			.toList();
		return new Disruption(this.signal, this.replica, stop, timing.inFlight(), timing.drain().toMillis() / 1000.0,
				timing.exit().toMillis() / 1000.0, restart, seconds(timing.restarted(), timing.healthy()),
				(timing.traffic() != null) ? seconds(timing.restarted(), timing.traffic()) : -1,
				p99s.isEmpty() ? -1 : p99s.get((p99s.size() - 1) / 2), slowest(timeline, stop), slowest(timeline, back),
				outcome.requests().stream().mapToLong((row) -> row.ko()).sum(), outcome.errors());
	}

	/**
	 * The slowest answer among requests sent from a second before {@code second} (one in
	 * flight at the moment started then) to {@link Disruption#WINDOW_SECONDS} after it.
	 */
	private static int slowest(GatlingRun.Timeline timeline, double second) {
		return timeline.between(second - 1, second + Disruption.WINDOW_SECONDS)
			.stream()
			.map(GatlingRun.Timeline.Second::maxMillis)
			.max(Comparator.naturalOrder())
			.orElse(-1);
	}

	private static double seconds(Instant from, Instant to) {
		return Duration.between(from, to).toMillis() / 1000.0;
	}

	private static void sleepUntil(Instant moment) {
		Duration left = Duration.between(Instant.now(), moment);
		if (!left.isNegative()) {
			AppProcess.sleep(left);
		}
	}

	/**
	 * When things happened, on this machine's clock.
	 *
	 * @param inFlight requests the replica was serving when it was asked to go; -1 when
	 * unread
	 * @param stopped when it was asked to go
	 * @param drain how long it took to finish its requests once out of the rotation
	 * @param traffic when it first served a request again, or null if it did not
	 */
	record Timing(double inFlight, Instant stopped, Duration drain, Duration exit, Instant restarted, Instant healthy,
			Instant traffic) {
	}

}
