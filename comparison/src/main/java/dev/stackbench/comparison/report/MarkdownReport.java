package dev.stackbench.comparison.report;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.scenario.Capacity;
import dev.stackbench.comparison.scenario.Cost;
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
				+ analysis.verdicts().noise().inWords() + "\n\n"
				+ ReportTables.all(analysis).stream().map(Table::markdown).collect(Collectors.joining());
	}

	/**
	 * The part worth reading on the console at the end of a run: the verdicts, the
	 * numbers and the claims.
	 */
	public static String summary(Analysis analysis) {
		ComparisonResults results = analysis.results();
		StringBuilder summary = new StringBuilder(ReportTables.verdicts(analysis).markdown());
		if (!results.deaths().isEmpty()) {
			summary.append(ReportTables.deaths(results).markdown());
		}
		analysis.baseline()
			.ifPresent((before) -> summary.append(ReportTables.sinceBaseline(before, analysis).markdown()));
		ReportTables.typeTables(results, ScenarioType::leadingTables)
			.stream()
			.filter((table) -> List.of(Cost.TABLE, Capacity.TABLE).contains(table.title()) && !table.rows().isEmpty())
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
				+ results.environment().cpuSplit() + ". Conditions of every verdict: " + conditions(results) + "."
				+ ((results.repeat() > 1) ? " Every scenario ran on " + results.repeat()
						+ " forks per contender (each a freshly started JVM), interleaved." : "");
	}

	/**
	 * What every verdict holds under: the app's cores (and whether the load generator
	 * shared them), its garbage collector and heap, as every app was started.
	 */
	static String conditions(ComparisonResults results) {
		List<String> options = results.environment().jvmOptions();
		String gc = options.stream()
			.filter((option) -> option.matches("-XX:\\+Use\\w+GC"))
			.map((option) -> option.substring("-XX:+Use".length(), option.length() - 2) + " GC")
			.findFirst()
			.orElse("the JVM's own choice of GC");
		String heap = options.stream()
			.filter((option) -> option.startsWith("-Xmx"))
			.map((option) -> option.substring(4) + " heap")
			.findFirst()
			.orElse("the JVM's default heap");
		String aot = options.stream().anyMatch((option) -> option.startsWith("-XX:AOTCache="))
				? ", an AOT cache from a training run (JEP 483/514/515)" : "";
		int cores = results.environment().appCores();
		String shared = (results.environment().mode().equals("local") && cores >= results.environment().cores())
				? " shared with the load generator" : "";
		List<String> tls = results.scenarios()
			.stream()
			.filter((scenario) -> scenario.transport() == Scenario.Transport.TLS)
			.map(Scenario::id)
			.toList();
		String transport = tls.isEmpty() ? "plain HTTP/1.1"
				: "plain HTTP/1.1 but for " + String.join(", ", tls) + " (TLS 1.3, HTTP/2 or HTTP/1.1 by ALPN)";
		return cores + " app core" + ((cores == 1) ? "" : "s") + shared + ", " + gc + ", " + heap + aot + ", "
				+ transport;
	}

}
