package dev.stackbench.comparison.result;

import static java.lang.String.format;

import java.util.Collection;
import java.util.Locale;

/**
 * A figure over repeated runs: its median with the lowest and highest run. Two spreads
 * whose ranges overlap cannot be told apart on this machine.
 *
 * @param median the middle run's value (the mean of the two middle ones for an even
 * count)
 * @param min the lowest run
 * @param max the highest run
 * @param runs how many runs
 */
public record Spread(double median, double min, double max, int runs) {

	public static Spread of(Collection<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			throw new IllegalArgumentException("a spread needs at least one run");
		}
		int middle = sorted.length / 2;
		double median = (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
	}

	public boolean overlaps(Spread other) {
		return this.min <= other.max && other.min <= this.max;
	}

	/**
	 * {@code 1,234} for one run, {@code 1,234 (1,100–1,300)} for several;
	 * {@code decimals} after the point.
	 */
	public String text(int decimals) {
		String median = number(this.median, decimals);
		return (this.runs == 1) ? median
				: median + " (" + number(this.min, decimals) + "–" + number(this.max, decimals) + ")";
	}

	private static String number(double value, int decimals) {
		return format(Locale.ROOT, "%,." + decimals + "f", value);
	}

}
