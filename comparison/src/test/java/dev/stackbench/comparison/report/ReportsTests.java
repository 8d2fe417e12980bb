package dev.stackbench.comparison.report;

import java.io.IOException;
import dev.stackbench.comparison.theory.Analysis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.gatling.simulation.FailoverSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportsTests {

	private final ComparisonResults comparison = Fixtures.comparison();

	@Test
	void writesAllThreeFilesAndTheJsonReadsBackWhole(@TempDir Path folder) throws IOException {
		Reports.write(this.comparison, Optional.empty(), folder);
		assertThat(folder.resolve("report.html")).isNotEmptyFile();
		assertThat(folder.resolve("report.md")).isNotEmptyFile();
		assertThat(Reports.read(folder.resolve("results.json"))).isEqualTo(this.comparison);
		assertThat(Reports.read(folder)).as("a comparison's folder reads as its results.json")
			.isEqualTo(this.comparison);
		assertThat(Files.readString(folder.resolve("results.json"))).contains("\"schemaVersion\" : 3")
			.contains("\"type\" : \"capacity\"")
			.contains("\"stack\" : \"reactive\"")
			.doesNotContain("\"headlines\"")
			.doesNotContain("\"claims\"");
		assertThat(Analysis.of(this.comparison).headlines())
			.filteredOn((figure) -> figure.scenario().equals("capacity"))
			.extracting((figure) -> figure.stack().id() + " " + figure.figure() + " " + figure.spread().text(0))
			.contains("reactive capacity at p99 ≤ 25 ms (/api/hello) 8,000");
	}

	@Test
	void idleConnectionsShowWhatEachConnectionCostAndReadBack(@TempDir Path folder) throws IOException {
		ComparisonResults base = this.comparison;
		IdleFootprint platform = new IdleFootprint(Contender.PLATFORM, 1, 10_000, 10_003,
				new IdleFootprint.Usage(300, 40, 45), new IdleFootprint.Usage(510, 61, 46), 20_000, 20_000);
		ComparisonResults withIdle = new ComparisonResults(base.schemaVersion(), base.preset(), base.repeat(),
				base.started(), base.finished(), base.environment(), base.stacks(), base.scenarios(), base.tuning(),
				base.results(), base.warmUps(), List.of(platform), base.deaths());
		assertThat(platform.rssKibPerConnection()).isCloseTo(21.5, within(0.01));
		assertThat(platform.heapKibPerConnection()).isCloseTo(2.15, within(0.01));
		Table table = ReportTables.idleConnections(withIdle);
		assertThat(table.rows()).hasSize(1);
		assertThat(table.markdown()).contains("| platform | 1 | 10,000 | 10,003 | 21.5 | 2.2 | 45 → 46 | 300 → 510 |")
			.contains("| 20,000 / 20,000 |");
		assertThat(MarkdownReport.render(withIdle, Optional.empty())).contains("Idle connections (C10k)");
		Reports.write(withIdle, Optional.empty(), folder);
		assertThat(Reports.read(folder)).isEqualTo(withIdle);
		assertThat(ReportTables.all(base, Optional.empty())).as("no table without an idle-connections run")
			.noneMatch((empty) -> empty.title().startsWith("Idle"));
	}

	@Test
	void phasedScenariosShowEachPhasesConnectionsAndCpuAndReadBack(@TempDir Path folder) throws IOException {
		ComparisonResults base = this.comparison;
		Scenario tls = Preset.STANDARD.scenario("tls-keep-alive");
		List<PhaseResult> phases = List.of(phase(KeepAliveSimulation.KEEP_ALIVE, 0.25, 16),
				phase(KeepAliveSimulation.NEW_CONNECTION, 1.75, 15));
		ScenarioResult run = new ScenarioResult(Contender.PLATFORM, tls, 1, true, "index.html",
				List.of(Fixtures.row(KeepAliveSimulation.KEEP_ALIVE, 2_000, 2),
						Fixtures.row(KeepAliveSimulation.NEW_CONNECTION, 2_000, 5)),
				List.of(), AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), 3, 30, List.of(),
				phases);
		ComparisonResults withTls = adding(base, run);
		Table table = typeTable("Connections and protocols", withTls);
		assertThat(table.rows()).hasSize(2);
		// 0.25 s of CPU over 10,000 requests is 25 ms per 1,000; 1.75 s is 175: a new
		// TLS connection added 150 µs to each request.
		assertThat(table.markdown())
			.contains("| tls-keep-alive | platform | TLS 1.3 | keep-alive | 2,000 | 2 / 6 / 8 | 16 | 25 |  |")
			.contains("| tls-keep-alive | platform | TLS 1.3 | new connection per request | 2,000 | 5 / 15 / 20 | 15 | "
					+ "175 | 150 |");
		Reports.write(withTls, Optional.empty(), folder);
		ComparisonResults read = Reports.read(folder);
		assertThat(read).isEqualTo(withTls);
		assertThat(read.runsOf("tls-keep-alive", Contender.PLATFORM).getFirst().phases()).isEqualTo(phases);
		assertThat(typeTable("Connections and protocols", base).rows())
			.as("a keep-alive run without phases, as older runs are")
			.isEmpty();
	}

	@Test
	void failoverShowsEachStopAndEveryReplicasShareAndReadsBack(@TempDir Path folder) throws IOException {
		ComparisonResults base = this.comparison;
		Scenario failover = Preset.STANDARD.scenario("failover");
		AppMetrics.Replicas replicas = new AppMetrics.Replicas(List.of(6_000L, 3_000L), 0.9);
		AppMetrics app = new AppMetrics(9, 80, 90, 20, 40, 500, 4, 0.04, 180, 184, 20, 45, AppMetrics.Pool.NONE,
				replicas);
		List<PhaseResult> phases = List.of(
				new PhaseResult(FailoverSimulation.CRASH, app, 50,
						new Disruption(FailoverSimulation.CRASH, 2, 10.1, 10, 0, 0.02, 18.1, 5.8, 7.0, 205, 343, 235, 2,
								List.of(new ErrorCount("status.find.is(200), found 502", 2)))),
				new PhaseResult(FailoverSimulation.GRACEFUL, app, 50, new Disruption(FailoverSimulation.GRACEFUL, 2,
						10.1, 8, 0.4, 0.1, 18.1, 5.0, 5.2, 204, 211, 211, 0, List.of())));
		ScenarioResult run = new ScenarioResult(Contender.PLATFORM, failover, 1, true, "index.html",
				List.of(Fixtures.row(FailoverSimulation.readRow(FailoverSimulation.CRASH, "/api/slow?delay=200"), 100,
						205), Fixtures.row(FailoverSimulation.writeRow(FailoverSimulation.CRASH), 100, 8)),
				List.of(), AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), 3, 100, List.of(),
				phases);
		ComparisonResults withFailover = adding(base, run);
		assertThat(typeTable("Failover", withFailover).markdown())
			.contains("| failover | platform | SIGKILL | 10 | 2 | 2 x status.find.is(200), found 502 | 205 | 343 | 0.0 "
					+ "| 0.0 | 5.8 | 7.0 | 235 |")
			.contains("| failover | platform | SIGTERM | 8 | 0 |  | 204 | 211 | 0.4 | 0.1 | 5.0 | 5.2 | 211 |");
		// 1.8 s of nginx's CPU over the two phases' 18,000 requests is 100 µs each, and
		// 1.8 / (1.8 + 18) of the serving side's CPU.
		assertThat(ReportTables.replicas(withFailover).markdown())
			.contains("| failover | platform | 2 | 12,000 / 6,000 | 67 | 1.8 |");
		assertThat(typeTable("Connections and protocols", withFailover).rows()).as("failover phases are not protocols")
			.isEmpty();
		assertThat(ReportTables.replicas(base).rows()).as("no replicas table without replicas").isEmpty();
		Reports.write(withFailover, Optional.empty(), folder);
		assertThat(Reports.read(folder)).isEqualTo(withFailover);
	}

	/** A comparison with one more scenario, of one run. */
	private static ComparisonResults adding(ComparisonResults base, ScenarioResult run) {
		List<Scenario> scenarios = new ArrayList<>(base.scenarios());
		scenarios.add(run.scenario());
		List<ScenarioResult> results = new ArrayList<>(base.results());
		results.add(run);
		return new ComparisonResults(base.schemaVersion(), base.preset(), base.repeat(), base.started(),
				base.finished(), base.environment(), base.stacks(), scenarios, base.tuning(), results, base.warmUps(),
				base.idleFootprints(), base.deaths());
	}

	private static PhaseResult phase(String name, double cpuSeconds, int maxConnections) {
		return new PhaseResult(name, new AppMetrics(cpuSeconds, 40, 60, 12, maxConnections, 250, 2, 0.02, 90, 92, 10,
				10, AppMetrics.Pool.NONE), 10);
	}

	@Test
	void aResultsFileOfAnotherSchemaIsRefusedWithWhatToDo(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("results.json"), "{\"preset\":\"quick\",\"results\":[]}");
		org.assertj.core.api.Assertions.assertThatIOException()
			.isThrownBy(() -> Reports.read(folder))
			.withMessageContaining("schema 1, this build reads schemas 2 to 3");
	}

	@Test
	void markdownHasTheSameTablesAsTheHtml() {
		String markdown = MarkdownReport.render(this.comparison, Optional.empty());
		for (Table table : ReportTables.all(this.comparison, Optional.empty())) {
			assertThat(markdown).contains("## " + table.title());
		}
		assertThat(markdown).contains(
				"| concurrent-slow | GET /api/slow?delay=500 @ 1000 users | virtual | closed | 1,900 | 520 | 1,040 | "
						+ "1,560 | 2,080 | 2,600 |")
			.contains("| concurrent-slow | virtual | 2,000 | 1,900 | 95% |")
			.contains("| NOT held |");
	}

	@Test
	void summaryOnTheConsoleHasNumbersAndVerdicts() {
		assertThat(MarkdownReport.summary(Analysis.of(this.comparison))).contains("## Verdicts")
			.contains("## Capacity at the SLO")
			.contains("## Throughput and latency")
			.contains("## Little's law")
			.contains("## Claims from theory")
			.doesNotContain("## Environment");
	}

	@Test
	void pipesInCellsDoNotBreakMarkdownTables() {
		Table table = Table.plain("t", "", List.of("a"), List.of(List.of("x|y")));
		assertThat(table.markdown()).contains("| x\\|y |");
	}

	/** A scenario type's table, or an empty one where no type of the run has it. */
	private static Table typeTable(String title, ComparisonResults results) {
		return ReportTables.all(Analysis.of(results))
			.stream()
			.filter((table) -> table.title().equals(title))
			.findFirst()
			.orElse(new Table(title, "", List.of(), List.of()));
	}

}
