package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.theory.Headlines.Measure;

/**
 * The verdict table a workshop reads first: for each headline figure, every stack's
 * spread, the best stack, and whether its margin over the next is beyond the machine's
 * noise (every run agrees) or within it (ranges overlap).
 */
public final class Verdicts {

	private Verdicts() {
	}

	/**
	 * One row of the verdict table.
	 *
	 * @param measure the figure
	 * @param spreads each stack's spread over its runs, in the comparison's stack order
	 * @param best the stack with the best median, empty with fewer than two stacks
	 * @param beyondNoise whether the best one's range is clear of every other's
	 * @param margin the best one against the runner-up, in words
	 */
	public record Row(Measure measure, Map<Contender, Spread> spreads, Optional<Contender> best, boolean beyondNoise,
			String margin) {
	}

	public static List<Row> rows(ComparisonResults results) {
		return Headlines.of(results)
			.stream()
			.map((measure) -> row(results, measure))
			.filter((row) -> !row.spreads().isEmpty())
			.toList();
	}

	static Row row(ComparisonResults results, Measure measure) {
		Map<Contender, Spread> spreads = new LinkedHashMap<>();
		for (Contender stack : results.stacks()) {
			measure.spread(results, stack).ifPresent((spread) -> spreads.put(stack, spread));
		}
		if (spreads.size() < 2) {
			return new Row(measure, spreads, Optional.empty(), false, "");
		}
		Comparator<Map.Entry<Contender, Spread>> bestFirst = Comparator
			.comparingDouble((entry) -> entry.getValue().median());
		if (measure.better() == Headlines.Better.HIGHER) {
			bestFirst = bestFirst.reversed();
		}
		List<Map.Entry<Contender, Spread>> ranked = spreads.entrySet().stream().sorted(bestFirst).toList();
		Map.Entry<Contender, Spread> best = ranked.get(0);
		List<Contender> tied = ranked.stream()
			.filter((entry) -> entry.getValue().median() == best.getValue().median())
			.map(Map.Entry::getKey)
			.toList();
		boolean clear = ranked.stream().skip(1).noneMatch((other) -> other.getValue().overlaps(best.getValue()));
		int runs = best.getValue().runs();
		String noise = (runs == 1) ? "one run cannot tell this from the machine's noise (±15%): use -Drepeat=3"
				: clear ? "beyond noise: every run agrees" : "within noise: the ranges overlap";
		if (SelfChecks.loadGeneratorLimited(results, measure.scenario())) {
			noise += "; the load generator was a limit in this scenario (see the self-checks), so part of it is not "
					+ "the models'";
		}
		if (tied.size() > 1) {
			List<String> ids = tied.stream().map(Contender::id).toList();
			String names = String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
			Optional<Map.Entry<Contender, Spread>> below = ranked.stream().skip(tied.size()).findFirst();
			return new Row(measure, spreads, Optional.empty(), false, names + " tie" + below
				.map((entry) -> format(Locale.ROOT, ", %s than %s",
						difference(measure, best.getValue().median(), entry.getValue().median()), entry.getKey().id()))
				.orElse("") + "; " + noise);
		}
		return new Row(measure, spreads, Optional.of(best.getKey()), clear && runs > 1,
				format(Locale.ROOT, "%s %s than %s; %s", best.getKey().id(),
						difference(measure, best.getValue().median(), ranked.get(1).getValue().median()),
						ranked.get(1).getKey().id(), noise));
	}

	/** {@code 35% more}, {@code 12% lower}, or for a zero, the plain difference. */
	static String difference(Measure measure, double best, double next) {
		String more = (measure.better() == Headlines.Better.HIGHER) ? "more" : "less";
		if (next == 0) {
			return format(Locale.ROOT, "%,.0f %s %s", Math.abs(best - next), measure.unit(), more);
		}
		return format(Locale.ROOT, "%.0f%% %s", 100 * Math.abs(best - next) / Math.abs(next), more);
	}

}
