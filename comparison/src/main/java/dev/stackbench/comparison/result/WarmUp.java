package dev.stackbench.comparison.result;

import java.util.List;

/**
 * How one app's warm-up ended: its plain page's throughput over the closed-loop rounds,
 * its CPU per request over the settling rounds, and whether the JIT was done before the
 * preset's limit.
 *
 * @param stack the stack
 * @param run which repetition
 * @param rounds closed-loop rounds on the plain page
 * @param bestThroughput the best round's req/s
 * @param lastThroughput the last round's req/s
 * @param settled whether the last settling round on every page left the JIT's compiler
 * threads under {@link #COMPILING_CPU} of a core; if not, the limit ended the warm-up
 * @param limitSeconds the preset's limit it ran under (0 in a run recorded before the
 * limit was)
 * @param cpuMicrosPerRequest the app's CPU per request in each settling round at the cost
 * scenario's rate, in order (empty where none ran: a remote app, or a run recorded before
 * they did)
 */
public record WarmUp(Contender stack, int run, int rounds, double bestThroughput, double lastThroughput,
		boolean settled, int limitSeconds, List<Double> cpuMicrosPerRequest) {

	/**
	 * The JIT's compiler threads' CPU, as a share of a core, under which a settling round
	 * counts as compiled: no longer compiling what the scenarios load.
	 */
	public static final double COMPILING_CPU = 0.03;

	public WarmUp {
		cpuMicrosPerRequest = (cpuMicrosPerRequest != null) ? List.copyOf(cpuMicrosPerRequest) : List.of();
	}

	public WarmUp(Contender stack, int run, int rounds, double bestThroughput, double lastThroughput, boolean settled,
			int limitSeconds) {
		this(stack, run, rounds, bestThroughput, lastThroughput, settled, limitSeconds, List.of());
	}

}
