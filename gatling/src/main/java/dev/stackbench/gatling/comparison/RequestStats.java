package dev.stackbench.gatling.comparison;

/**
 * One row of a Gatling report: the requests of one name in one run.
 *
 * @param name the request name, e.g. {@code GET /api/hello @ 32 users}
 * @param ok requests answered as the simulation's checks expected
 * @param ko requests that failed: wrong status, refused, reset or timed out
 * @param throughput OK responses a second while the requests of this name were being sent (full seconds only)
 * @param p50 median response time in milliseconds, of all requests
 * @param p95 95th percentile in milliseconds
 * @param p99 99th percentile in milliseconds
 * @param max slowest response in milliseconds
 */
public record RequestStats(String name, long ok, long ko, double throughput, int p50, int p95, int p99, int max) {

	public long count() {
		return this.ok + this.ko;
	}

	public double failedPercent() {
		return count() == 0 ? 0 : 100.0 * this.ko / count();
	}

}
