package dev.stackbench.comparison.report;

import java.util.Optional;
import java.util.stream.Collectors;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.scenario.Capacity;
import dev.stackbench.comparison.scenario.ScenarioType;
import dev.stackbench.comparison.theory.Analysis;

/**
 * {@code report.md}: the report's tables in Markdown, ready to paste into a decision
 * record.
 */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	static String render(ComparisonResults results, Optional<ComparisonResults> baseline) {
		return render(Analysis.of(results, baseline));
	}

	static String render(Analysis analysis) {
		return "# stackbench comparison (" + analysis.results().preset() + ")\n\n" + header(analysis.results()) + "\n\n"
				+ ReportTables.all(analysis).stream().map(Table::markdown).collect(Collectors.joining());
	}

	/**
	 * The part worth reading on the console at the end of a run: the verdicts, the
	 * numbers and the claims.
	 */
	public static String summary(Analysis analysis) {
		ComparisonResults results = analysis.results();
		StringBuilder summary = new StringBuilder(ReportTables.verdicts(analysis).markdown());
		analysis.baseline()
			.ifPresent((before) -> summary.append(ReportTables.sinceBaseline(before, analysis).markdown()));
		ReportTables.typeTables(results, ScenarioType::leadingTables)
			.stream()
			.filter((table) -> table.title().equals(Capacity.TABLE) && !table.rows().isEmpty())
			.forEach((table) -> summary.append(table.markdown()));
		return summary.append(ReportTables.summary(results).markdown())
			.append(ReportTables.littlesLaw(results).markdown())
			.append(ReportTables.claims(analysis).markdown())
			.toString();
	}

	static String header(ComparisonResults results) {
		return "Serving models: "
				+ results.stacks()
					.stream()
					.map((stack) -> stack.id() + " (" + stack.title() + ")")
					.collect(Collectors.joining(", "))
				+ ". Machine: " + results.environment().cores() + " cores, " + results.environment().jdk() + "; "
				+ results.environment().cpuSplit() + "." + ((results.repeat() > 1)
						? " Every scenario ran " + results.repeat() + " times per model, interleaved." : "");
	}

}
