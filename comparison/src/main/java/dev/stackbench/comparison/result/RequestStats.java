package dev.stackbench.comparison.result;

/**
 * One row of a Gatling report: the requests of one name in one run. Gatling records
 * response times in whole milliseconds, so every latency here is one.
 *
 * @param name the request name, e.g. {@code GET /api/hello @ 32 users}
 * @param ok requests answered as the simulation's checks expected
 * @param ko requests that failed: wrong status, refused, reset or timed out
 * @param throughput OK responses a second while the requests of this name were being sent
 * (full seconds only)
 * @param mean mean response time in milliseconds, of all requests
 * @param p50 median response time in milliseconds, of all requests
 * @param p90 90th percentile in milliseconds
 * @param p95 95th percentile in milliseconds
 * @param p99 99th percentile in milliseconds
 * @param p999 99.9th percentile in milliseconds
 * @param p9999 99.99th percentile in milliseconds
 * @param max slowest response in milliseconds
 */
public record RequestStats(String name, long ok, long ko, double throughput, int mean, int p50, int p90, int p95,
		int p99, int p999, int p9999, int max) {

	public long count() {
		return this.ok + this.ko;
	}

	public double failedPercent() {
		return count() == 0 ? 0 : 100.0 * this.ko / count();
	}

	/** The same figures under another row name. */
	public RequestStats named(String name) {
		return new RequestStats(name, this.ok, this.ko, this.throughput, this.mean, this.p50, this.p90, this.p95,
				this.p99, this.p999, this.p9999, this.max);
	}

}
