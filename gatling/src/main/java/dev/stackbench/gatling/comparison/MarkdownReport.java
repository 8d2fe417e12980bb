package dev.stackbench.gatling.comparison;

import java.util.stream.Collectors;

/** {@code report.md}: the report's tables in Markdown, ready to paste into a decision record. */
final class MarkdownReport {

	private MarkdownReport() {
	}

	static String render(ComparisonResults results) {
		return "# stackbench comparison (" + results.preset() + ")\n\n" + header(results) + "\n\n"
				+ ReportTables.all(results).stream().map(Table::markdown).collect(Collectors.joining());
	}

	/** The part worth reading on the console at the end of a run: the numbers and the verdicts. */
	static String summary(ComparisonResults results) {
		return ReportTables.summary(results).markdown() + ReportTables.littlesLaw(results).markdown()
				+ ReportTables.claims(results).markdown();
	}

	static String header(ComparisonResults results) {
		return "Stacks: " + results.stacks().stream().map((stack) -> stack.id() + " (" + stack.title() + ")")
			.collect(Collectors.joining(", ")) + ". Machine: " + results.environment().cores() + " cores, "
				+ results.environment().jdk() + "; " + results.environment().cpuSplit() + ".";
	}

}
