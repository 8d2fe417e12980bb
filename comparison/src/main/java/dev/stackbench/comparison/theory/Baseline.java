package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.theory.Headlines.Measure;

/**
 * This run set against an earlier one: every headline figure both have, its change, and
 * whether that change is beyond noise (the two runs' ranges do not overlap). A regression
 * is a change for the worse beyond noise.
 */
public final class Baseline {

	/**
	 * Latency changes smaller than this are never beyond noise, whatever the ranges:
	 * Gatling times in whole milliseconds, and on two busy cores the scheduler alone
	 * moves a fast page's p99 by a few of them, so a p99 of 1 ms becoming 3 ms is a
	 * change of 200% that means nothing.
	 */
	public static final double LATENCY_NOISE_MILLIS = 5;

	private Baseline() {
	}

	/**
	 * One figure of one stack in both runs.
	 *
	 * @param measure the figure, as this run defines it
	 * @param stack the stack
	 * @param before the baseline's spread
	 * @param now this run's spread
	 */
	public record Change(Measure measure, Contender stack, Spread before, Spread now) {

		/**
		 * The change of the medians, in percent of the baseline's (positive: the figure
		 * grew).
		 */
		public double percent() {
			return (this.before.median() == 0) ? 0
					: 100 * (this.now.median() - this.before.median()) / this.before.median();
		}

		public boolean beyondNoise() {
			boolean tooSmall = this.measure.latency()
					&& Math.abs(this.now.median() - this.before.median()) < LATENCY_NOISE_MILLIS;
			return !tooSmall && !this.before.overlaps(this.now) && this.before.median() != this.now.median();
		}

		public boolean worse() {
			return this.measure.better(this.before.median(), this.now.median());
		}

		public String describe() {
			return format(Locale.ROOT, "%s, %s on %s: %s → %s %s (%+.0f%%)", this.measure.scenario(),
					this.measure.figure(), this.stack.id(), this.before.text(this.measure.decimals()),
					this.now.text(this.measure.decimals()), this.measure.unit(), percent());
		}

	}

	/** Every headline figure that both runs have for the same stack. */
	public static List<Change> changes(ComparisonResults baseline, ComparisonResults now) {
		List<Measure> before = Headlines.of(baseline);
		List<Change> changes = new ArrayList<>();
		for (Measure measure : Headlines.of(now)) {
			Optional<Measure> then = before.stream().filter(measure::sameAs).findFirst();
			if (then.isEmpty()) {
				continue;
			}
			for (Contender stack : now.stacks()) {
				Optional<Spread> was = then.get().spread(baseline, stack);
				Optional<Spread> is = measure.spread(now, stack);
				if (was.isPresent() && is.isPresent()) {
					changes.add(new Change(measure, stack, was.get(), is.get()));
				}
			}
		}
		return changes;
	}

	/**
	 * The watched figures (capacities and open-model p99s) that got worse beyond noise by
	 * more than {@code thresholdPercent}, described for the console.
	 */
	public static List<String> regressions(ComparisonResults baseline, ComparisonResults now, double thresholdPercent) {
		return regressions(changes(baseline, now), thresholdPercent);
	}

	static List<String> regressions(List<Change> changes, double thresholdPercent) {
		return changes.stream().filter((change) -> regressed(change, thresholdPercent)).map(Change::describe).toList();
	}

	/**
	 * Whether a watched figure got worse beyond noise, and by more than
	 * {@code thresholdPercent}: what fails {@code -DfailOnRegression}.
	 */
	public static boolean regressed(Change change, double thresholdPercent) {
		return change.measure().regressionChecked() && change.worse() && change.beyondNoise()
				&& Math.abs(change.percent()) > thresholdPercent;
	}

}
