package dev.stackbench.comparison.result;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What the app's own metrics said while one scenario ran, sampled every second from its
 * management port. Values that a stack does not have (busy request threads on an event
 * loop) are -1.
 *
 * @param cpuSeconds CPU the app's process used during the scenario
 * @param maxLiveThreads most JVM threads alive at once
 * @param peakThreads the JVM's peak thread count since start
 * @param maxBusyRequestThreads most Tomcat request threads busy at once
 * @param maxConnections most open HTTP connections at once
 * @param maxHeapMegabytes most heap in use
 * @param gcPauses garbage-collection pauses during the scenario
 * @param gcPauseSeconds time spent in those pauses
 * @param heapAfterGcAtStartMegabytes the lowest heap in use during the first fifth of the
 * scenario: the floor of the heap's sawtooth, what garbage collection leaves behind
 * @param heapAfterGcAtEndMegabytes the same during the last fifth; growth from start to
 * end is memory kept
 * @param meanInFlight the mean of the app's in-flight request gauge over the scrapes: its
 * own side of Little's law
 * @param samples how many scrapes answered
 * @param pool the database connection pool's own meters
 * @param replicas behind a load balancer, what each replica served and what the balancer
 * cost; the figures above are then summed over the replicas (CPU, threads, connections,
 * heap, in flight), as a dashboard sums a service's pods
 */
public record AppMetrics(double cpuSeconds, int maxLiveThreads, int peakThreads, int maxBusyRequestThreads,
		int maxConnections, double maxHeapMegabytes, long gcPauses, double gcPauseSeconds,
		double heapAfterGcAtStartMegabytes, double heapAfterGcAtEndMegabytes, double meanInFlight, int samples,
		Pool pool, Replicas replicas) {

	public static final AppMetrics NONE = new AppMetrics(0, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, 0, Pool.NONE,
			Replicas.NONE);

	/**
	 * A run recorded before the pool's meters were read has none, and one recorded before
	 * replicas ran a single app.
	 */
	public AppMetrics {
		pool = (pool != null) ? pool : Pool.NONE;
		replicas = (replicas != null) ? replicas : Replicas.NONE;
	}

	public AppMetrics(double cpuSeconds, int maxLiveThreads, int peakThreads, int maxBusyRequestThreads,
			int maxConnections, double maxHeapMegabytes, long gcPauses, double gcPauseSeconds,
			double heapAfterGcAtStartMegabytes, double heapAfterGcAtEndMegabytes, double meanInFlight, int samples,
			Pool pool) {
		this(cpuSeconds, maxLiveThreads, peakThreads, maxBusyRequestThreads, maxConnections, maxHeapMegabytes, gcPauses,
				gcPauseSeconds, heapAfterGcAtStartMegabytes, heapAfterGcAtEndMegabytes, meanInFlight, samples, pool,
				Replicas.NONE);
	}

	/**
	 * Several consecutive samplings as one: CPU, pauses and samples added up, peaks the
	 * highest, the heap's floor at the first one's start and the last one's end, the mean
	 * in flight weighted by samples.
	 */
	public static AppMetrics combine(List<AppMetrics> parts) {
		int samples = parts.stream().mapToInt(AppMetrics::samples).sum();
		return new AppMetrics(parts.stream().mapToDouble(AppMetrics::cpuSeconds).sum(),
				parts.stream().mapToInt(AppMetrics::maxLiveThreads).max().orElse(-1),
				parts.stream().mapToInt(AppMetrics::peakThreads).max().orElse(-1),
				parts.stream().mapToInt(AppMetrics::maxBusyRequestThreads).max().orElse(-1),
				parts.stream().mapToInt(AppMetrics::maxConnections).max().orElse(-1),
				parts.stream().mapToDouble(AppMetrics::maxHeapMegabytes).max().orElse(-1),
				parts.stream().mapToLong(AppMetrics::gcPauses).sum(),
				parts.stream().mapToDouble(AppMetrics::gcPauseSeconds).sum(),
				parts.getFirst().heapAfterGcAtStartMegabytes(), parts.getLast().heapAfterGcAtEndMegabytes(),
				(samples == 0) ? -1
						: parts.stream().mapToDouble((part) -> part.meanInFlight() * part.samples()).sum() / samples,
				samples, parts.getFirst().pool(), Replicas.combine(parts.stream().map(AppMetrics::replicas).toList()));
	}

	/**
	 * Behind a load balancer: what each replica served, by its own count, and the
	 * balancer's CPU over the same seconds.
	 *
	 * @param requests requests each replica served, in replica order (a replica restarted
	 * meanwhile counted across its restart); empty for a single app
	 * @param balancerCpuSeconds CPU nginx used, master and workers; -1 without one
	 */
	public record Replicas(List<Long> requests, double balancerCpuSeconds) {

		public static final Replicas NONE = new Replicas(List.of(), -1);

		public boolean balanced() {
			return !this.requests.isEmpty();
		}

		/** Consecutive samplings of the same replicas as one: counts and CPU added up. */
		static Replicas combine(List<Replicas> parts) {
			List<Replicas> balanced = parts.stream().filter(Replicas::balanced).toList();
			if (balanced.isEmpty()) {
				return NONE;
			}
			List<Long> requests = IntStream.range(0, balanced.getFirst().requests().size())
				.mapToObj((replica) -> balanced.stream().mapToLong((part) -> part.requests().get(replica)).sum())
				.toList();
			return new Replicas(requests, balanced.stream().mapToDouble(Replicas::balancerCpuSeconds).sum());
		}

	}

	/**
	 * What the database pool's meters said (HikariCP's {@code hikaricp_connections_*} or
	 * r2dbc-pool's {@code r2dbc_pool_*}), scraped once a second; -1 where the pool has no
	 * such meter.
	 *
	 * @param size the pool's configured size
	 * @param maxActive most connections in use at once
	 * @param minIdle fewest connections idle at once
	 * @param maxPending most requests waiting for a connection at once
	 * @param meanAcquireMillis the mean wait for a connection over the scenario (HikariCP
	 * times it; r2dbc-pool does not)
	 * @param timeouts acquisitions that gave up after the acquire timeout (HikariCP
	 * counts them; on r2dbc-pool they show as 503s)
	 */
	public record Pool(int size, int maxActive, int minIdle, int maxPending, double meanAcquireMillis, long timeouts) {

		public static final Pool NONE = new Pool(-1, -1, -1, -1, -1, -1);

	}

}
