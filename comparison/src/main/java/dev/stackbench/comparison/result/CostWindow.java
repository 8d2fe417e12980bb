package dev.stackbench.comparison.result;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What one page cost the app at a fixed open-model rate: the app process's counters read
 * just before the load generator's first request and just after its last answer, and the
 * requests it saw answered in between. Per request, these figures do not depend on how
 * fast the load generator can go, as long as it sustained the rate (checked, and the rate
 * lowered when it did not).
 *
 * @param path the page
 * @param rate the arrivals a second offered
 * @param seconds how long they arrived
 * @param answered requests answered without error in the window
 * @param failed requests that failed in the window
 * @param before the app's counters as the window opened
 * @param after the app's counters as it closed
 * @param windowSeconds the wall time between the two readings
 * @param loadGeneratorCpuShare the load generator's CPU over the window, as a share of
 * its cores
 * @param appCores the cores the app ran on
 * @param lowered rates tried first that were not sustained, highest first, empty when the
 * first held
 */
public record CostWindow(String path, double rate, int seconds, long answered, long failed, ProcessCounters before,
		ProcessCounters after, double windowSeconds, double loadGeneratorCpuShare, int appCores, List<Double> lowered) {

	public CostWindow {
		lowered = (lowered != null) ? lowered : List.of();
	}

	/**
	 * The page's window whose figures stand for a fork: the median by CPU per request of
	 * the page's windows (the lower of the middle two of an even count), or the one
	 * window. Measured here, one fork's two pages cost 30 to 80% apart from one window to
	 * the next (hello 95.6, then json 128.3 µs; json 156.7 where the fork's hello was
	 * 85.6) while the same pages in other forks stayed within 10% of each other: the
	 * machine's moment, not the JVM's state, which a median of interleaved windows
	 * outvotes.
	 */
	public static CostWindow median(List<CostWindow> windows) {
		List<CostWindow> ranked = windows.stream()
			.sorted(Comparator
				.comparingDouble((CostWindow window) -> window.cpuMicrosPerRequest().orElse(Double.MAX_VALUE)))
			.toList();
		return ranked.get((ranked.size() - 1) / 2);
	}

	private ProcessCounters spent() {
		return this.after.since(this.before);
	}

	/**
	 * The app's CPU per answered request, in microseconds, the JIT's compiler threads'
	 * excluded ({@link #compilerMicrosPerRequest()}): what a request costs an app that
	 * has compiled what it runs. Measured here, the compiler threads took a third to a
	 * half of a platform app's CPU in windows after a warm-up that had left them quiet
	 * (C2 recompiles in bursts), and how much varied from fork to fork by more than a 25%
	 * difference in the requests' own work; empty where the app's process could not be
	 * read (not started here).
	 */
	public OptionalDouble cpuMicrosPerRequest() {
		return (this.answered == 0 || this.before.cpuNanos() < 0) ? OptionalDouble.empty()
				: OptionalDouble.of(spent().cpuNanosBesidesCompiling() / 1_000.0 / this.answered);
	}

	/**
	 * What the JIT's compiler threads spent in the window, per answered request, in
	 * microseconds: near 0 for an app done compiling.
	 */
	public OptionalDouble compilerMicrosPerRequest() {
		long nanos = spent().compilerCpuNanos();
		return (this.answered == 0 || nanos < 0 || this.before.cpuNanos() < 0) ? OptionalDouble.empty()
				: OptionalDouble.of(nanos / 1_000.0 / this.answered);
	}

	/** Heap allocated per answered request, in bytes, where the JVM could be asked. */
	public OptionalDouble allocatedBytesPerRequest() {
		long bytes = spent().allocatedBytes();
		return (this.answered == 0 || bytes < 0) ? OptionalDouble.empty()
				: OptionalDouble.of((double) bytes / this.answered);
	}

	/** Garbage-collection time per 1,000 answered requests, in milliseconds. */
	public OptionalDouble gcMillisPer1000Requests() {
		long millis = spent().gcMillis();
		return (this.answered == 0 || millis < 0) ? OptionalDouble.empty()
				: OptionalDouble.of(millis * 1_000.0 / this.answered);
	}

	/** The app's CPU over the window as a share of its cores. */
	public double appCpuShare() {
		return (this.windowSeconds <= 0 || this.before.cpuNanos() < 0) ? 0
				: spent().cpuNanos() / 1e9 / this.windowSeconds / this.appCores;
	}

	/**
	 * The throughput the app's cores would serve at this CPU per request, were nothing
	 * else to give out first: an estimate, beside any capacity measured.
	 */
	public OptionalDouble capacityEstimate() {
		OptionalDouble micros = cpuMicrosPerRequest();
		return (micros.isEmpty() || micros.getAsDouble() <= 0) ? OptionalDouble.empty()
				: OptionalDouble.of(this.appCores * 1e6 / micros.getAsDouble());
	}

}
