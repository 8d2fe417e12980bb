package dev.stackbench.comparison.result;

/**
 * How one app's warm-up ended: its plain page's throughput over the rounds, and whether
 * it stopped growing before the preset's limit.
 *
 * @param stack the stack
 * @param run which repetition
 * @param rounds closed-loop rounds on the plain page
 * @param bestThroughput the best round's req/s
 * @param lastThroughput the last round's req/s
 * @param settled whether two rounds in a row stopped growing it; if not, the limit ended
 * the warm-up and the first scenario measured an app the JIT was still compiling
 * @param limitSeconds the preset's limit it ran under (0 in a run recorded before the
 * limit was)
 */
public record WarmUp(Contender stack, int run, int rounds, double bestThroughput, double lastThroughput,
		boolean settled, int limitSeconds) {

}
