package dev.stackbench.comparison.result;

/**
 * One step of a capacity search: a fixed arrival rate held for a while, what came back,
 * and what it cost both sides.
 *
 * @param offeredRate the requests a second the load generator was asked to start
 * @param stats what Gatling measured: percentiles, answers, failures
 * @param seconds how long the step lasted
 * @param appCpuShare the app's CPU over the step's Gatling run (its start and its drain
 * included) as a share of the cores it runs on (1 = all of them busy)
 * @param loadGeneratorCpuShare the load generator's CPU over the same time as a share of
 * its cores
 * @param appInFlight the app's own mean of requests in flight over the step, from its
 * gauge
 */
public record RateStep(double offeredRate, RequestStats stats, int seconds, double appCpuShare,
		double loadGeneratorCpuShare, double appInFlight) {

	/** Requests answered OK a second: every answer counted, over the step's length. */
	public double achievedRate() {
		return (double) this.stats.ok() / this.seconds;
	}

	/**
	 * Requests the load generator sent a second that were answered or failed before the
	 * step's time was up.
	 */
	public double sentRate() {
		return (double) this.stats.count() / this.seconds;
	}

}
