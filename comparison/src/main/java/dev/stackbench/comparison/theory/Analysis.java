package dev.stackbench.comparison.theory;

import java.util.List;
import java.util.Optional;

import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.HeadlineFigure;

/**
 * What a comparison's measurements say, worked out once from {@code results.json}'s raw
 * data before any report is written: the verdicts, theory's claims, every headline
 * figure's spread, the self-checks, and the changes since a baseline. The reports only
 * format it.
 *
 * @param results the measurements and their inputs, as {@code results.json} holds them
 * @param baseline an earlier comparison set beside this one, if any
 * @param verdicts one row per headline figure (the best stack, if beyond noise), and the
 * run's own noise
 * @param claimsByRun theory's predictions, checked on each stack's median run of each
 * scenario
 * @param headlines every headline figure of every stack, the median with its range
 * @param loadGenerator the load generator's CPU in every scenario and capacity step
 * @param littlesLaw Little's law both ways, where enough was in flight to tell
 * @param sinceBaseline every headline figure both runs have, then and now
 */
public record Analysis(ComparisonResults results, Optional<ComparisonResults> baseline, Verdicts verdicts,
		List<Theory.RunClaims> claimsByRun, List<HeadlineFigure> headlines,
		List<SelfChecks.LoadGenerator> loadGenerator, List<SelfChecks.LittlesLaw> littlesLaw,
		List<Baseline.Change> sinceBaseline) {

	public static Analysis of(ComparisonResults results) {
		return of(results, Optional.empty());
	}

	public static Analysis of(ComparisonResults results, Optional<ComparisonResults> baseline) {
		return new Analysis(results, baseline, Verdicts.of(results),
				Theory.claimsByRun(results.medianRuns(), results.tuning()), Headlines.figures(results),
				SelfChecks.loadGenerator(results), SelfChecks.littlesLaw(results),
				baseline.map((before) -> Baseline.changes(before, results)).orElse(List.of()));
	}

	/** Every claim checked, run after run. */
	public List<Claim> claims() {
		return this.claimsByRun.stream().flatMap((run) -> run.claims().stream()).toList();
	}

	/**
	 * The watched figures (capacities and open-model p99s) that got worse beyond noise by
	 * more than {@code thresholdPercent}, described for the console.
	 */
	public List<String> regressions(double thresholdPercent) {
		return Baseline.regressions(this.sinceBaseline, thresholdPercent);
	}

}
