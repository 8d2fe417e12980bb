package dev.stackbench.comparison.result;

/**
 * One headline figure of one stack over its runs, as the verdict table shows it: what
 * {@code results.json} offers a reader who wants the summary without recomputing it from
 * the runs.
 *
 * @param scenario the scenario's id
 * @param figure what it is, e.g. {@code capacity at p99 ≤ 25 ms (/api/hello)}
 * @param unit e.g. {@code req/s}
 * @param closedLoop whether it comes from users that wait on their own answers
 * @param stack the stack
 * @param spread its median, lowest and highest run
 */
public record HeadlineFigure(String scenario, String figure, String unit, boolean closedLoop, Contender stack,
		Spread spread) {
}
