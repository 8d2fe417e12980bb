package dev.stackbench.comparison.theory;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a difference between contenders is called beyond noise, with the rate at which it
 * calls one between identical contenders stated and held under {@link #TABLE_ERROR_RATE}
 * for the whole verdict table.
 * <p>
 * The rule: ranked by median, the leading contender (or a leading group of them) beats
 * every fork of the others with every fork of its own (the ranges do not overlap), by a
 * gap of at least {@code k} times the widest range among them all. A group that leads
 * together is called a tie within itself, ahead of the rest beyond noise. Ranges alone
 * are not enough: with 3 forks of two identical contenders, the best three of six values
 * are one contender's 2 times in 20 (10% per figure, most of a table of ten figures wrong
 * somewhere). The gap is measured in the row's own ranges, so the rule needs no noise
 * constant and is the same for a figure in microseconds or in req/s; the threshold
 * {@code k} is the smallest that keeps the table's false-call rate at 5%, found by
 * drawing identical contenders with normally distributed fork-to-fork noise (seeded, so a
 * comparison's verdicts do not depend on the draw). Heavier-tailed noise (Student's t
 * with 3 degrees of freedom) was measured to call less often at the same {@code k}: 0.5%
 * against 0.76% per figure for 2 contenders of 3 forks at {@code k = 1}.
 */
public final class NoiseRule {

	/**
	 * The most a verdict table may call a false difference between identical contenders.
	 */
	public static final double TABLE_ERROR_RATE = 0.05;

	/** How many tables of identical contenders the threshold is found from. */
	public static final int DRAWS = 200_000;

	private static final long SEED = 20261206L;

	private static final Map<String, double[]> RATIOS = new ConcurrentHashMap<>();

	private NoiseRule() {
	}

	/**
	 * The threshold for one figure of a table of {@code figures} called figures.
	 * @param contenders how many contenders the row compares
	 * @param forks the fewest forks any of them had
	 * @param figures how many figures of the table could be called
	 */
	public static Threshold threshold(int contenders, int forks, int figures) {
		// A hair under the exact share, so that rounding never lifts the table's rate
		// over it.
		double perFigure = 1 - Math.pow(1 - TABLE_ERROR_RATE, 1.0 / Math.max(1, figures)) - 1e-9;
		double[] ratios = ratios(contenders, forks);
		// ratios are sorted; the smallest k with at most perFigure of them at or above it
		int allowed = (int) Math.floor(perFigure * ratios.length);
		int firstCalled = ratios.length - allowed;
		double k = (firstCalled >= ratios.length) ? Double.POSITIVE_INFINITY
				: Math.max(0, Math.nextUp(ratios[firstCalled - 1]));
		double rate = falseCallRate(ratios, k);
		return new Threshold(contenders, forks, k, rate, 1 - Math.pow(1 - rate, Math.max(1, figures)), figures);
	}

	/**
	 * The threshold that, for these contenders and forks, was found for a table.
	 *
	 * @param contenders how many contenders
	 * @param forks forks of each
	 * @param k the gap, in widest ranges, past which a difference is called
	 * @param perFigure the rate at which this calls a false difference on one figure
	 * @param perTable the rate for a table of {@code figures} such figures
	 * @param figures how many figures the table could call
	 */
	public record Threshold(int contenders, int forks, double k, double perFigure, double perTable, int figures) {

		/**
		 * Whether a gap of {@code gap} with the row's widest range {@code widest} is
		 * called.
		 */
		public boolean calls(double gap, double widest) {
			return gap > 0 && gap >= this.k * widest;
		}

	}

	/**
	 * For each draw of identical contenders, the clearest split's gap in widest ranges,
	 * or -1 when none is clear; sorted.
	 */
	private static double[] ratios(int contenders, int forks) {
		return RATIOS.computeIfAbsent(contenders + "x" + forks, (key) -> {
			SplittableRandom random = new SplittableRandom(SEED);
			double[] ratios = new double[DRAWS];
			double[] min = new double[contenders];
			double[] max = new double[contenders];
			double[] median = new double[contenders];
			double[] values = new double[forks];
			for (int draw = 0; draw < DRAWS; draw++) {
				for (int contender = 0; contender < contenders; contender++) {
					for (int fork = 0; fork < forks; fork++) {
						values[fork] = gaussian(random);
					}
					Arrays.sort(values);
					min[contender] = values[0];
					max[contender] = values[forks - 1];
					median[contender] = (forks % 2 == 1) ? values[forks / 2]
							: (values[forks / 2 - 1] + values[forks / 2]) / 2;
				}
				ratios[draw] = ratio(min, max, median);
			}
			Arrays.sort(ratios);
			return ratios;
		});
	}

	/**
	 * The clearest split of the contenders, ranked by median, into a leading group and
	 * the rest: the largest gap between the group's worst fork and the rest's best fork,
	 * in widest ranges; -1 when no split is clear. A table calls a difference wherever
	 * one split is clear by {@code k}, so that is what the draws are held to.
	 */
	static double ratio(double[] min, double[] max, double[] median) {
		Integer[] ranked = new Integer[median.length];
		for (int contender = 0; contender < ranked.length; contender++) {
			ranked[contender] = contender;
		}
		Arrays.sort(ranked, (a, b) -> Double.compare(median[b], median[a]));
		double widest = 0;
		for (int contender = 0; contender < median.length; contender++) {
			widest = Math.max(widest, max[contender] - min[contender]);
		}
		double best = -1;
		for (int split = 1; split < ranked.length; split++) {
			double gap = gap(ranked, split, min, max);
			if (gap > 0) {
				best = Math.max(best, (widest == 0) ? Double.POSITIVE_INFINITY : gap / widest);
			}
		}
		return best;
	}

	/**
	 * How far the worst fork of the first {@code split} contenders in {@code ranked} is
	 * above the best fork of the others.
	 */
	static double gap(Integer[] ranked, int split, double[] min, double[] max) {
		double leadersLowest = Double.POSITIVE_INFINITY;
		double othersHighest = Double.NEGATIVE_INFINITY;
		for (int rank = 0; rank < ranked.length; rank++) {
			if (rank < split) {
				leadersLowest = Math.min(leadersLowest, min[ranked[rank]]);
			}
			else {
				othersHighest = Math.max(othersHighest, max[ranked[rank]]);
			}
		}
		return leadersLowest - othersHighest;
	}

	private static double falseCallRate(double[] ratios, double k) {
		int index = Arrays.binarySearch(ratios, k);
		int first = (index >= 0) ? index : -index - 1;
		while (first > 0 && ratios[first - 1] >= k) {
			first--;
		}
		return (double) (ratios.length - first) / ratios.length;
	}

	/** A standard normal value (Box–Muller), from the seeded generator. */
	private static double gaussian(SplittableRandom random) {
		double u = 1 - random.nextDouble();
		double v = random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

}
