package dev.stackbench.gatling.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The timeline of an overload run, and the name of the phase a request is sent in. Shared
 * by the simulation, which names its requests, and the comparison report, which reads the
 * phases back in order.
 *
 * @param baseline the time at the base rate before the overload
 * @param ramp the time the rate takes to climb to the peak
 * @param hold the time at the peak
 * @param recovery the time back at the base rate
 * @param window the length of each recovery window
 */
public record OverloadPhases(Duration baseline, Duration ramp, Duration hold, Duration recovery, Duration window) {

	public static final String BASELINE = "baseline";

	public static final String RAMP = "ramp";

	public static final String OVERLOAD = "overload";

	private static final String RECOVERY = "recovery +";

	public OverloadPhases {
		if (window.isZero() || window.isNegative() || recovery.compareTo(window) < 0) {
			throw new IllegalArgumentException(
					"the recovery (" + recovery + ") must hold at least one window of " + window);
		}
	}

	public Duration total() {
		return this.baseline.plus(this.ramp).plus(this.hold).plus(this.recovery);
	}

	/** The phase a request sent {@code elapsed} after the start belongs to. */
	public String nameAt(Duration elapsed) {
		Duration overloadStart = this.baseline.plus(this.ramp);
		Duration recoveryStart = overloadStart.plus(this.hold);
		if (elapsed.compareTo(this.baseline) < 0) {
			return BASELINE;
		}
		if (elapsed.compareTo(overloadStart) < 0) {
			return RAMP;
		}
		if (elapsed.compareTo(recoveryStart) < 0) {
			return OVERLOAD;
		}
		long window = Math.min(elapsed.minus(recoveryStart).dividedBy(this.window), windows() - 1);
		return windowName(window);
	}

	/** Every phase name, in the order of the run. */
	public List<String> names() {
		List<String> names = new ArrayList<>(List.of(BASELINE, RAMP, OVERLOAD));
		for (long window = 0; window < windows(); window++) {
			names.add(windowName(window));
		}
		return names;
	}

	public String lastWindowName() {
		return windowName(windows() - 1);
	}

	/**
	 * The recovery windows' names, in order, each {@code window} long from the end of the
	 * overload: what the comparison reads back, by name rather than parsed.
	 */
	public List<String> recoveryWindows() {
		List<String> names = names();
		return names.subList(List.of(BASELINE, RAMP, OVERLOAD).size(), names.size());
	}

	private long windows() {
		return this.recovery.dividedBy(this.window);
	}

	private String windowName(long window) {
		return RECOVERY + this.window.multipliedBy(window).toSeconds() + "s";
	}

}
