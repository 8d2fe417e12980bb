package dev.stackbench.comparison.result;

import java.util.Map;
import java.util.Optional;

/**
 * One scenario run again on one stack with async-profiler sampling one event: an extra
 * window after every measured one of its fork, so that no figure of the report's other
 * tables comes from a window with the profiler attached. It holds the samples grouped
 * into named parts, and the app's own counters over the same window, which the parts are
 * checked against and scaled by; and the same counters over the scenario's measured
 * window of the same fork, without the profiler: what profiling cost.
 *
 * @param stack the stack
 * @param run the fork profiled
 * @param scenario the scenario's id
 * @param phase the scenario's phase profiled, in a scenario of phases (each is profiled
 * on its own), or empty
 * @param event what was sampled
 * @param folder where its flame graph ({@code <event>.html}) and collapsed stacks
 * ({@code <event>.collapsed}) are, relative to the comparison's folder
 * @param profiled the profiled window
 * @param unprofiled the scenario's measured window on the same fork, without the profiler
 * @param sampled every sample's count added up, in the event's unit
 * @param parts the samples' counts by part id ({@code profile.FrameParts}), in order
 */
public record Profile(Contender stack, int run, String scenario, String phase, ProfileEvent event, String folder,
		Window profiled, Window unprofiled, long sampled, Map<String, Long> parts) {

	public Profile {
		phase = (phase != null) ? phase : "";
		profiled = (profiled != null) ? profiled : Window.NONE;
		unprofiled = (unprofiled != null) ? unprofiled : Window.NONE;
		parts = (parts != null) ? parts : Map.of();
	}

	/**
	 * What the app did over one window: its requests, as Gatling counted them, and what
	 * its process spent.
	 *
	 * @param requests requests sent and answered or failed
	 * @param seconds the window's wall time
	 * @param spent the app's counters' difference over it
	 * @param headlineThroughput the scenario's headline row's requests a second, or 0
	 * where it has none
	 */
	public record Window(long requests, double seconds, ProcessCounters spent, double headlineThroughput) {

		/** A window that was not read. */
		public static final Window NONE = new Window(0, 0, ProcessCounters.UNREAD, 0);

		/** The process's CPU per request, in µs, every thread's (the JIT's included). */
		public double cpuMicrosPerRequest() {
			return (this.requests == 0) ? 0 : this.spent.cpuNanos() / 1e3 / this.requests;
		}

		/** Heap allocated per request, in bytes, or -1 where it was not read. */
		public double allocatedBytesPerRequest() {
			return (this.requests == 0 || this.spent.allocatedBytes() < 0) ? -1
					: (double) this.spent.allocatedBytes() / this.requests;
		}

	}

	/**
	 * A phase's name as a file's (letters, digits, dots and dashes): a phase may be named
	 * {@code new connection per request} or {@code HTTP/2}.
	 */
	public static String fileName(String phase) {
		return phase.replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
	}

	/**
	 * The scenario, and its phase where it has phases: what the report calls the window.
	 */
	public String window() {
		return this.phase.isEmpty() ? this.scenario : this.scenario + " (" + this.phase + ")";
	}

	/**
	 * What the process itself counted per request over the profiled window, in the
	 * report's units (µs of CPU, bytes allocated), for the events it counts: the figure
	 * the parts are scaled to.
	 */
	public Optional<Double> measuredPerRequest() {
		return measuredPerRequest(this.profiled);
	}

	/** The same over the window without the profiler. */
	public Optional<Double> unprofiledPerRequest() {
		return measuredPerRequest(this.unprofiled);
	}

	private Optional<Double> measuredPerRequest(Window window) {
		double perRequest = switch (this.event) {
			case CPU -> window.cpuMicrosPerRequest();
			case ALLOC -> window.allocatedBytesPerRequest();
			default -> -1;
		};
		return (perRequest > 0) ? Optional.of(perRequest) : Optional.empty();
	}

	/**
	 * What the samples add up to against what the process counted, in the same unit: 1 is
	 * every nanosecond (or byte) the process spent accounted for by a sample.
	 */
	public Optional<Double> coverage() {
		long counted = switch (this.event) {
			case CPU -> this.profiled.spent().cpuNanos();
			case ALLOC -> this.profiled.spent().allocatedBytes();
			default -> -1;
		};
		return (counted > 0) ? Optional.of((double) this.sampled / counted) : Optional.empty();
	}

	/**
	 * A part's share of the measured figure per request: its share of the samples times
	 * what the process counted per request.
	 */
	public Optional<Double> perRequest(String part) {
		return measuredPerRequest().filter((measured) -> this.sampled > 0)
			.map((measured) -> measured * this.parts.getOrDefault(part, 0L) / this.sampled);
	}

	/**
	 * What one unit of the samples (a ns, a byte) stands for per request: the measured
	 * figure per request over the samples' total, or where the process counted none the
	 * samples' own per request.
	 */
	public double perRequestScale() {
		if (this.sampled == 0) {
			return 0;
		}
		return measuredPerRequest().map((measured) -> measured / this.sampled)
			.orElse(((this.event == ProfileEvent.CPU) ? 1e-3 : 1.0) / Math.max(1, this.profiled.requests()));
	}

	/** A part's share of the samples. */
	public double share(String part) {
		return (this.sampled == 0) ? 0 : (double) this.parts.getOrDefault(part, 0L) / this.sampled;
	}

}
