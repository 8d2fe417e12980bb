package dev.stackbench.comparison.theory;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.theory.Headlines.Measure;

/**
 * The verdict table a workshop reads first: for each headline figure, every contender's
 * spread over its forks, and a winner only where the difference is beyond the noise this
 * run measured ({@link NoiseRule}) and the load generator did not limit the figure.
 *
 * @param rows one per headline figure
 * @param noise how much the run's own figures varied, and the rule's error rate
 */
public record Verdicts(List<Row> rows, Noise noise) {

	/**
	 * One row of the verdict table.
	 *
	 * @param measure the figure
	 * @param spreads each contender's spread over its forks, in the comparison's order
	 * @param best the contender called better than every other, beyond noise; empty for a
	 * tie within noise, a leading group, one fork, or a figure the load generator limited
	 * @param winners the contenders called better than the rest, beyond noise: the best
	 * alone, or a leading group that ties within itself; empty when nothing was called
	 * @param beyondNoise whether a difference was called
	 * @param margin the verdict in words
	 * @param limitedByLoadGenerator whether the load generator limited the figure, which
	 * is then credited to no contender
	 * @param threshold the rule the row was judged by, empty when it could not be judged
	 */
	public record Row(Measure measure, Map<Contender, Spread> spreads, Optional<Contender> best,
			List<Contender> winners, boolean beyondNoise, String margin, boolean limitedByLoadGenerator,
			Optional<NoiseRule.Threshold> threshold) {

		static Row uncalled(Measure measure, Map<Contender, Spread> spreads, String margin, boolean limited,
				Optional<NoiseRule.Threshold> threshold) {
			return new Row(measure, spreads, Optional.empty(), List.of(), false, margin, limited, threshold);
		}

		/** The widest fork-to-fork range of any contender, as a share of its median. */
		public double widestSpread() {
			return Verdicts.widestSpread(this.spreads);
		}

	}

	/**
	 * What the run measured of its own noise.
	 *
	 * @param widest the figure whose forks varied most on one contender, if any had two
	 * forks
	 * @param contender that contender
	 * @param spread its range as a share of its median
	 * @param threshold the rule of the table's judged rows (the first, when contenders or
	 * forks differ from row to row), empty when none could be judged
	 * @param forks how many forks of each contender the run had
	 */
	public record Noise(Optional<Measure> widest, Optional<Contender> contender, double spread,
			Optional<NoiseRule.Threshold> threshold, int forks) {

		/** {@code in this run the same stack's figures varied by up to 14% (...)}. */
		public String inWords() {
			if (this.widest.isEmpty()) {
				// Forks, but only scenarios outside the verdict table (the overhead one,
				// say),
				// whose own tables give their ranges.
				return (this.forks == 1)
						? "One fork of each contender: this run cannot measure the machine's noise; the default runs "
								+ "three (-Drepeat)."
						: this.forks + " forks of each contender, but no figure of the verdict table to measure the "
								+ "machine's noise by: each table gives its figures' ranges over the forks.";
			}
			String varied = format(Locale.ROOT,
					"In this run the same stack's figures varied by up to %.0f%% from fork to fork (%s, %s on %s).",
					100 * this.spread, this.contender.orElseThrow().id(), this.widest.get().figure(),
					this.widest.get().scenario());
			return varied + this.threshold.map((rule) -> format(Locale.ROOT,
					" A difference is called only when every fork of the leading contender, or of a leading group "
							+ "of them, beats every fork of the rest by at least %.2f× the widest range among them: "
							+ "for identical contenders (%d of %d forks) "
							+ "this calls a false difference on %.2f%% of figures, %.1f%% of verdict tables of %d "
							+ "figures (normal fork-to-fork noise, %d draws).",
					rule.k(), rule.contenders(), rule.forks(), 100 * rule.perFigure(), 100 * rule.perTable(),
					rule.figures(), NoiseRule.DRAWS))
				.orElse("");
		}

	}

	/** The verdict table's rows, for callers that want no more. */
	public static List<Row> rows(ComparisonResults results) {
		return of(results).rows();
	}

	public static Verdicts of(ComparisonResults results) {
		List<Measure> measures = Headlines.of(results);
		List<Map<Contender, Spread>> spreads = new ArrayList<>();
		List<Boolean> limited = new ArrayList<>();
		int judged = 0;
		for (Measure measure : measures) {
			Map<Contender, Spread> spread = spreads(results, measure);
			boolean limitedByLoadGenerator = SelfChecks.loadGeneratorLimited(results, measure.scenario());
			spreads.add(spread);
			limited.add(limitedByLoadGenerator);
			if (judgeable(spread) && !limitedByLoadGenerator) {
				judged++;
			}
		}
		List<Row> rows = new ArrayList<>();
		for (int index = 0; index < measures.size(); index++) {
			if (!spreads.get(index).isEmpty()) {
				rows.add(row(measures.get(index), spreads.get(index), limited.get(index), judged));
			}
		}
		return new Verdicts(List.copyOf(rows), noise(rows, results.repeat()));
	}

	private static Map<Contender, Spread> spreads(ComparisonResults results, Measure measure) {
		Map<Contender, Spread> spreads = new LinkedHashMap<>();
		for (Contender stack : results.stacks()) {
			measure.spread(results, stack).ifPresent((spread) -> spreads.put(stack, spread));
		}
		return spreads;
	}

	/** At least two contenders, each with at least two forks. */
	private static boolean judgeable(Map<Contender, Spread> spreads) {
		return spreads.size() >= 2 && spreads.values().stream().allMatch((spread) -> spread.runs() >= 2);
	}

	static Row row(Measure measure, Map<Contender, Spread> spreads, boolean limited, int judgedFigures) {
		if (spreads.size() < 2) {
			return Row.uncalled(measure, spreads, "", limited, Optional.empty());
		}
		boolean higher = measure.better() == Headlines.Better.HIGHER;
		Comparator<Map.Entry<Contender, Spread>> bestFirst = Comparator
			.comparingDouble((entry) -> entry.getValue().median());
		List<Map.Entry<Contender, Spread>> ranked = spreads.entrySet()
			.stream()
			.sorted(higher ? bestFirst.reversed() : bestFirst)
			.toList();
		Map.Entry<Contender, Spread> best = ranked.get(0);
		Map.Entry<Contender, Spread> next = ranked.get(1);
		String medians = (best.getValue().median() == next.getValue().median()) ? "medians equal"
				: format(Locale.ROOT, "%s's median %s than %s's", best.getKey().id(),
						difference(measure, best.getValue().median(), next.getValue().median()), next.getKey().id());
		if (limited) {
			return Row.uncalled(measure, spreads,
					"limited by the load generator (its CPU at 90% or more, or a capacity search it ended): credited "
							+ "to no contender; " + medians,
					true, Optional.empty());
		}
		if (!judgeable(spreads)) {
			return Row.uncalled(measure, spreads,
					medians + "; one fork cannot tell this from the machine's noise: use -Drepeat=3", false,
					Optional.empty());
		}
		int forks = spreads.values().stream().mapToInt(Spread::runs).min().orElseThrow();
		NoiseRule.Threshold threshold = NoiseRule.threshold(spreads.size(), forks, judgedFigures);
		// As NoiseRule draws them: higher is better, so a lower-is-better figure's forks
		// are turned over.
		double[] low = ranked.stream().mapToDouble((entry) -> oriented(entry.getValue(), higher)[0]).toArray();
		double[] high = ranked.stream().mapToDouble((entry) -> oriented(entry.getValue(), higher)[1]).toArray();
		Integer[] order = IntStream.range(0, ranked.size()).boxed().toArray(Integer[]::new);
		double widest = spreads.values().stream().mapToDouble((spread) -> spread.max() - spread.min()).max().orElse(0);
		// Every split of the ranking that is called; the clearest leads the verdict, so
		// that
		// an outlying fork between two close contenders does not change which group wins
		// (the rule's false-call rate is for any split being called, the clearest among
		// them).
		List<Integer> calledSplits = IntStream.range(1, ranked.size())
			.filter((split) -> threshold.calls(NoiseRule.gap(order, split, low, high), widest))
			.boxed()
			.sorted(Comparator.comparingDouble((Integer split) -> NoiseRule.gap(order, split, low, high)).reversed())
			.toList();
		if (!calledSplits.isEmpty()) {
			return called(measure, spreads, ranked, calledSplits, threshold);
		}
		return Row.uncalled(measure, spreads,
				format(Locale.ROOT, "tie within noise (spread %.0f%%); %s", 100 * widestSpread(spreads), medians),
				false, Optional.of(threshold));
	}

	/**
	 * The called splits of {@code ranked}, clearest first: the first names the winners,
	 * any other is said beside it.
	 */
	private static Row called(Measure measure, Map<Contender, Spread> spreads,
			List<Map.Entry<Contender, Spread>> ranked, List<Integer> splits, NoiseRule.Threshold threshold) {
		int split = splits.getFirst();
		List<Contender> winners = ranked.subList(0, split).stream().map(Map.Entry::getKey).toList();
		StringBuilder margin = new StringBuilder(ahead(measure, ranked, split)).append("; beyond noise");
		if (split > 1 && !splits.contains(split - 1)) {
			margin.append("; ").append(names(winners)).append(" tie within noise");
		}
		for (int other : splits.subList(1, splits.size())) {
			margin.append("; ").append(ahead(measure, ranked, other)).append(", also beyond noise");
		}
		return new Row(measure, spreads, (split == 1) ? Optional.of(winners.getFirst()) : Optional.empty(), winners,
				true, margin.toString(), false, Optional.of(threshold));
	}

	/** {@code platform and virtual 34% (31–44%) less than reactive}. */
	private static String ahead(Measure measure, List<Map.Entry<Contender, Spread>> ranked, int split) {
		List<Contender> leaders = ranked.subList(0, split).stream().map(Map.Entry::getKey).toList();
		return format(Locale.ROOT, "%s %s than %s", names(leaders),
				differenceRange(measure, ranked.get(split - 1).getValue(), ranked.get(split).getValue()),
				names(ranked.subList(split, ranked.size()).stream().map(Map.Entry::getKey).toList()));
	}

	private static String names(List<Contender> contenders) {
		List<String> ids = contenders.stream().map(Contender::id).toList();
		return (ids.size() == 1) ? ids.getFirst()
				: String.join(", ", ids.subList(0, ids.size() - 1)) + " and " + ids.getLast();
	}

	/** A spread's lowest and highest fork, turned over when lower is better. */
	private static double[] oriented(Spread spread, boolean higher) {
		return higher ? new double[] { spread.min(), spread.max() } : new double[] { -spread.max(), -spread.min() };
	}

	private static double widestSpread(Map<Contender, Spread> spreads) {
		return spreads.values().stream().mapToDouble(Verdicts::relativeRange).max().orElse(0);
	}

	private static double relativeRange(Spread spread) {
		return (spread.runs() < 2 || spread.median() == 0) ? 0
				: (spread.max() - spread.min()) / Math.abs(spread.median());
	}

	private static Noise noise(List<Row> rows, int forks) {
		Optional<Row> widest = rows.stream()
			.filter((row) -> row.spreads().values().stream().anyMatch((spread) -> spread.runs() >= 2))
			.max(Comparator.comparingDouble(Row::widestSpread));
		Optional<NoiseRule.Threshold> threshold = rows.stream().flatMap((row) -> row.threshold().stream()).findFirst();
		if (widest.isEmpty()) {
			return new Noise(Optional.empty(), Optional.empty(), 0, threshold, forks);
		}
		Row row = widest.get();
		Contender contender = row.spreads()
			.entrySet()
			.stream()
			.max(Comparator.comparingDouble((entry) -> relativeRange(entry.getValue())))
			.orElseThrow()
			.getKey();
		return new Noise(Optional.of(row.measure()), Optional.of(contender), row.widestSpread(), threshold, forks);
	}

	/** {@code 35% more}, {@code 12% less}, or for a zero, the plain difference. */
	static String difference(Measure measure, double best, double next) {
		String more = (measure.better() == Headlines.Better.HIGHER) ? "more" : "less";
		if (next == 0) {
			return format(Locale.ROOT, "%,.0f %s %s", Math.abs(best - next), measure.unit(), more);
		}
		return format(Locale.ROOT, "%.0f%% %s", 100 * Math.abs(best - next) / Math.abs(next), more);
	}

	/**
	 * {@code 41% (35–47%) less}: the medians' difference, with the closest and the
	 * farthest pair of forks.
	 */
	static String differenceRange(Measure measure, Spread best, Spread next) {
		if (next.min() == 0 || next.max() == 0) {
			return difference(measure, best.median(), next.median());
		}
		boolean higher = measure.better() == Headlines.Better.HIGHER;
		double closest = higher ? percent(best.min(), next.max()) : percent(best.max(), next.min());
		double farthest = higher ? percent(best.max(), next.min()) : percent(best.min(), next.max());
		return format(Locale.ROOT, "%.0f%% (%.0f–%.0f%%) %s", percent(best.median(), next.median()), closest, farthest,
				higher ? "more" : "less");
	}

	private static double percent(double best, double next) {
		return 100 * Math.abs(best - next) / Math.abs(next);
	}

}
