package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.scenario.Capacity;

/**
 * When a step of a capacity search holds, and what the stack's capacity is: the highest
 * offered rate whose step held. A step holds when the stack answered (nearly) everything
 * offered, within the SLO, with nothing failed, and the load generator was not what
 * limited it.
 */
public final class CapacitySearch {

	/**
	 * Achieved over offered a step needs: an open model's arrivals that were not answered
	 * are its shortfall.
	 */
	public static final double ACHIEVED_SHARE = 0.99;

	/**
	 * Load-generator CPU, as a share of its cores, at which its own timing can no longer
	 * be trusted.
	 */
	public static final double SATURATED_GENERATOR = 0.9;

	private CapacitySearch() {
	}

	/** What became of one step. */
	public enum Verdict {

		/** Every arrival answered in time: credited to the stack. */
		HELD,

		/** The stack fell short: too few answered, too slow at p99, or failures. */
		MISSED,

		/**
		 * The load generator was saturated or could not start the offered arrivals:
		 * credited to no one.
		 */
		LIMITED_BY_LOAD_GENERATOR

	}

	public static Verdict verdict(RateStep step, int sloMillis) {
		if (loadGeneratorLimited(step, sloMillis)) {
			return Verdict.LIMITED_BY_LOAD_GENERATOR;
		}
		boolean held = step.achievedRate() >= ACHIEVED_SHARE * step.offeredRate() && step.stats().ko() == 0
				&& step.stats().p99() <= sloMillis;
		return held ? Verdict.HELD : Verdict.MISSED;
	}

	/**
	 * The generator's CPU at or past {@link #SATURATED_GENERATOR}; or fewer requests sent
	 * than offered while every one sent was answered within the SLO: a stack that answers
	 * all it gets, promptly, was not what fell short.
	 */
	public static boolean loadGeneratorLimited(RateStep step, int sloMillis) {
		boolean answeredAllItGot = step.stats().ko() == 0 && step.stats().p99() <= sloMillis;
		return step.loadGeneratorCpuShare() >= SATURATED_GENERATOR
				|| (answeredAllItGot && step.sentRate() < ACHIEVED_SHARE * step.offeredRate());
	}

	/**
	 * Whether a search whose steps so far ended so should take another. It stops at the
	 * first step the load generator limited (more load only saturates it further) and two
	 * steps past a step that did not hold when none has held since: past saturation a
	 * stack only gets worse, and a run should stay short, while a single step spoiled by
	 * a pause (a p99 over the SLO between two that held) does not end the search.
	 */
	public static boolean goOn(List<Verdict> verdicts) {
		if (verdicts.contains(Verdict.LIMITED_BY_LOAD_GENERATOR)) {
			return false;
		}
		int notHeld = 0;
		for (int index = verdicts.size() - 1; index >= 0 && verdicts.get(index) != Verdict.HELD; index--) {
			notHeld++;
		}
		return notHeld < 3;
	}

	public static String describe(RateStep step, Verdict verdict) {
		return format(Locale.ROOT,
				"offered %,.0f/s, achieved %,.0f/s, p50 %d / p99 %d / p99.9 %d / max %d ms, %d failed, app CPU "
						+ "%.0f%%, load generator CPU %.0f%%: %s",
				step.offeredRate(), step.achievedRate(), step.stats().p50(), step.stats().p99(), step.stats().p999(),
				step.stats().max(), step.stats().ko(), 100 * step.appCpuShare(), 100 * step.loadGeneratorCpuShare(),
				words(verdict));
	}

	public static String words(Verdict verdict) {
		return switch (verdict) {
			case HELD -> "held";
			case MISSED -> "missed";
			case LIMITED_BY_LOAD_GENERATOR -> "limited by the load generator";
		};
	}

	/** What ended a capacity search, and so what its figure is. */
	public enum Limit {

		/** A step the stack missed: the figure is the stack's capacity. */
		STACK("the app"),

		/**
		 * The load generator gave out first: the stack's capacity is at least the figure.
		 */
		LOAD_GENERATOR("limited by the load generator"),

		/**
		 * The search's last rate held: the capacity is at least the figure; a larger
		 * {@code maxSteps} goes on.
		 */
		LAST_STEP("every step held");

		private final String words;

		Limit(String words) {
			this.words = words;
		}

		public String words() {
			return this.words;
		}

	}

	/**
	 * A stack's capacity in one run.
	 *
	 * @param rate the highest offered rate whose step held, 0 when none did
	 * @param limit what ended the search: unless it was the stack, the real capacity is
	 * at least {@code rate}
	 */
	public record Figure(double rate, Limit limit) {

		public boolean lowerBound() {
			return this.limit != Limit.STACK;
		}

		public boolean limitedByLoadGenerator() {
			return this.limit == Limit.LOAD_GENERATOR;
		}

		public String describe() {
			return format(Locale.ROOT, "%s%,.0f req/s", lowerBound() ? "≥ " : "", this.rate);
		}

	}

	/** The capacity a search found, or empty when the result is no capacity search. */
	public static Optional<Figure> capacity(ScenarioResult result) {
		if (!(result.scenario().load() instanceof Capacity.Load load)) {
			return Optional.empty();
		}
		int capacity = load.sloMillis();
		List<RateStep> steps = result.steps();
		OptionalDouble held = steps.stream()
			.filter((step) -> verdict(step, capacity) == Verdict.HELD)
			.mapToDouble(RateStep::offeredRate)
			.max();
		double rate = held.orElse(0);
		Limit limit = steps.stream()
			.filter((step) -> step.offeredRate() > rate)
			.findFirst()
			.map((step) -> (verdict(step, capacity) == Verdict.LIMITED_BY_LOAD_GENERATOR) ? Limit.LOAD_GENERATOR
					: Limit.STACK)
			.orElse(held.isPresent() ? Limit.LAST_STEP : Limit.STACK);
		return Optional.of(new Figure(rate, limit));
	}

}
