package dev.stackbench.comparison.report;

import java.util.Optional;
import java.util.stream.Collectors;

import dev.stackbench.comparison.result.ComparisonResults;

/**
 * {@code report.md}: the report's tables in Markdown, ready to paste into a decision
 * record.
 */
public final class MarkdownReport {

	private MarkdownReport() {
	}

	static String render(ComparisonResults results, Optional<ComparisonResults> baseline) {
		return "# stackbench comparison (" + results.preset() + ")\n\n" + header(results) + "\n\n"
				+ ReportTables.all(results, baseline).stream().map(Table::markdown).collect(Collectors.joining());
	}

	/**
	 * The part worth reading on the console at the end of a run: the verdicts, the
	 * numbers and the claims.
	 */
	public static String summary(ComparisonResults results, Optional<ComparisonResults> baseline) {
		StringBuilder summary = new StringBuilder(ReportTables.verdicts(results).markdown());
		baseline.ifPresent((before) -> summary.append(ReportTables.sinceBaseline(before, results).markdown()));
		Table capacity = ReportTables.capacity(results);
		if (!capacity.rows().isEmpty()) {
			summary.append(capacity.markdown());
		}
		return summary.append(ReportTables.summary(results).markdown())
			.append(ReportTables.littlesLaw(results).markdown())
			.append(ReportTables.claims(results).markdown())
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
