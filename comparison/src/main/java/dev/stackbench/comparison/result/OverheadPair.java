package dev.stackbench.comparison.result;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One pair of the overhead scenario on one page: the stack's app and its bare Spring Boot
 * app (one controller, nothing of stackbench's) loaded at the same fixed rate in the same
 * seconds, each one's cost read from its own process, and each one's closed-loop
 * throughput after.
 *
 * @param pair which pair of the fork, from 1
 * @param app the stack's app's window
 * @param bare the bare app's window, at the same rate in the same seconds
 * @param appThroughput the app's closed-loop throughput on the page, req/s
 * @param bareThroughput the bare app's, with as many users for as long
 * @param loadGeneratorCpuShare the load generator's highest CPU over the two throughput
 * runs, as a share of its cores: at 90% or more it, not the apps, set the throughputs
 * @param sliceRatios the app's CPU over the bare app's in each half second of the window
 * that carried load, in order
 */
public record OverheadPair(int pair, CostWindow app, CostWindow bare, double appThroughput, double bareThroughput,
		double loadGeneratorCpuShare, List<Double> sliceRatios) {

	/**
	 * The fewest slices whose median stands for a pair's ratio; with fewer, the whole
	 * windows' ratio does.
	 */
	static final int LEAST_SLICES = 5;

	public OverheadPair {
		// Results written before the slices were read have none.
		sliceRatios = (sliceRatios != null) ? List.copyOf(sliceRatios) : List.of();
	}

	public String path() {
		return this.app.path();
	}

	/**
	 * The app's CPU per request over the bare app's, both from their processes: 1.03 is
	 * stackbench's code costing 3% on top of Spring Boot's; empty where either could not
	 * be read. The median of the window's half-second slices where it has
	 * {@value #LEAST_SLICES} or more: the machine takes the core away in lumps, charged
	 * to whichever app was running, which a median of slices leaves aside and the whole
	 * windows' total cannot.
	 */
	public OptionalDouble cpuRatio() {
		if (this.sliceRatios.size() >= LEAST_SLICES) {
			return OptionalDouble.of(Spread.of(this.sliceRatios).median());
		}
		return windowCpuRatio();
	}

	/** The app's CPU per request over the bare app's over their whole windows. */
	public OptionalDouble windowCpuRatio() {
		OptionalDouble app = this.app.cpuMicrosPerRequest();
		OptionalDouble bare = this.bare.cpuMicrosPerRequest();
		return (app.isEmpty() || bare.isEmpty() || bare.getAsDouble() <= 0) ? OptionalDouble.empty()
				: OptionalDouble.of(app.getAsDouble() / bare.getAsDouble());
	}

	/** The app's heap allocated per request over the bare app's. */
	public OptionalDouble allocationRatio() {
		OptionalDouble app = this.app.allocatedBytesPerRequest();
		OptionalDouble bare = this.bare.allocatedBytesPerRequest();
		return (app.isEmpty() || bare.isEmpty() || bare.getAsDouble() <= 0) ? OptionalDouble.empty()
				: OptionalDouble.of(app.getAsDouble() / bare.getAsDouble());
	}

	/** The app's throughput as a share of the bare app's. */
	public OptionalDouble throughputRatio() {
		return (this.bareThroughput <= 0) ? OptionalDouble.empty()
				: OptionalDouble.of(this.appThroughput / this.bareThroughput);
	}

}
