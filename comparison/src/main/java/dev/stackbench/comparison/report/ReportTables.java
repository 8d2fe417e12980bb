package dev.stackbench.comparison.report;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.Environment;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Spread;
import dev.stackbench.comparison.result.WarmUp;
import dev.stackbench.comparison.scenario.ScenarioType;
import dev.stackbench.comparison.theory.Analysis;
import dev.stackbench.comparison.theory.Baseline;
import dev.stackbench.comparison.theory.CapacitySearch;
import dev.stackbench.comparison.theory.SelfChecks;
import dev.stackbench.comparison.theory.Theory;
import dev.stackbench.comparison.theory.Verdicts;
import dev.stackbench.gatling.simulation.DatabaseSimulation;

/**
 * The tables both reports show, computed from the results once. Where a scenario ran
 * several times, every figure is the median of its runs with their lowest and highest in
 * brackets.
 */
final class ReportTables {

	private ReportTables() {
	}

	static List<Table> all(ComparisonResults results, Optional<ComparisonResults> baseline) {
		return all(Analysis.of(results, baseline));
	}

	/** Every table, in the order the Markdown report shows them; empty ones left out. */
	static List<Table> all(Analysis analysis) {
		ComparisonResults results = analysis.results();
		List<Table> tables = new ArrayList<>(List.of(verdicts(analysis), deaths(results)));
		analysis.baseline().ifPresent((before) -> tables.add(sinceBaseline(before, analysis)));
		tables.addAll(typeTables(results, ScenarioType::leadingTables));
		tables.addAll(List.of(summary(results), littlesLaw(results)));
		tables.addAll(typeTables(results, ScenarioType::tables));
		tables.addAll(ProfileTables.all(results));
		tables.addAll(List.of(replicas(results), claims(analysis), loadGenerator(analysis), warmUp(results),
				littlesLawCheck(analysis), resources(results), idleConnections(results), errors(results),
				environment(results), tuning(results), scenarios(results)));
		return tables.stream().filter((table) -> !table.rows().isEmpty() || table.title().equals("Errors")).toList();
	}

	/**
	 * Each scenario type's own tables over its scenarios, types in the order their first
	 * scenario runs; tables of several types with one title shown as one.
	 */
	static List<Table> typeTables(ComparisonResults results, TablesOfType tables) {
		Map<ScenarioType<?>, List<Scenario>> byType = new LinkedHashMap<>();
		results.scenarios()
			.forEach((scenario) -> byType.computeIfAbsent(scenario.type(), (type) -> new ArrayList<>()).add(scenario));
		Map<String, Table> byTitle = new LinkedHashMap<>();
		byType.forEach((type, scenarios) -> tables.of(type, results, scenarios)
			.forEach((table) -> byTitle.merge(table.title(), table,
					(first, more) -> new Table(first.title(), first.note(), first.headers(),
							Stream.concat(first.rows().stream(), more.rows().stream()).toList()))));
		return List.copyOf(byTitle.values());
	}

	/** Which of a type's tables: those that lead the report, or the others. */
	@FunctionalInterface
	interface TablesOfType {

		List<Table> of(ScenarioType<?> type, ComparisonResults results, List<Scenario> scenarios);

	}

	static Table verdicts(Analysis analysis) {
		ComparisonResults results = analysis.results();
		List<String> headers = new ArrayList<>(List.of("workload", "figure", "loop"));
		results.stacks().forEach((stack) -> headers.add(stack.id()));
		headers.add("margin");
		List<List<Cell>> rows = new ArrayList<>();
		for (Verdicts.Row row : analysis.verdicts().rows()) {
			List<Cell> cells = new ArrayList<>(List.of(Cell.of(row.measure().scenario()),
					Cell.of(row.measure().figure() + ", " + row.measure().unit()),
					Cell.of(row.measure().closedLoop() ? "closed" : "open")));
			for (Contender stack : results.stacks()) {
				String atLeast = row.measure().lowerBound(results, stack) ? "≥ " : "";
				String text = Optional.ofNullable(row.spreads().get(stack))
					.map((spread) -> atLeast + spread.text(row.measure().decimals()))
					.orElse("-");
				boolean best = row.winners().contains(stack);
				cells.add(best ? Cell.verdict("best: " + text, true) : Cell.of(text));
			}
			cells.add(row.beyondNoise() ? Cell.verdict(row.margin(), true) : Cell.of(row.margin()));
			rows.add(cells);
		}
		String runs = (results.repeat() == 1) ? analysis.verdicts().noise().inWords()
				: results.repeat() + " forks of each (a fork is a freshly started JVM), interleaved across "
						+ "contenders: median (lowest–highest). " + analysis.verdicts().noise().inWords()
						+ " A figure the load generator limited is credited to no contender.";
		return new Table("Verdicts", runs
				+ " Open-loop figures come from arrivals that do not wait for answers; closed-loop ones from users "
				+ "that do, whose latencies hide a stalled server, so only their throughputs are shown here.", headers,
				rows);
	}

	static Table sinceBaseline(ComparisonResults baseline, Analysis analysis) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Baseline.Change change : analysis.sinceBaseline()) {
			int decimals = change.measure().decimals();
			String verdict = !change.beyondNoise() ? "within noise"
					: change.worse() ? "worse, beyond noise" : "better, beyond noise";
			rows.add(List.of(Cell.of(change.measure().scenario()),
					Cell.of(change.measure().figure() + ", " + change.measure().unit()), Cell.of(change.stack().id()),
					Cell.of(change.before().text(decimals)), Cell.of(change.now().text(decimals)),
					Cell.of(format(Locale.ROOT, "%+.1f%%", change.percent())),
					change.beyondNoise() ? Cell.verdict(verdict, !change.worse()) : Cell.of(verdict)));
		}
		return new Table("Since the baseline",
				"Against " + baseline.started() + " (" + baseline.preset() + ", " + baseline.repeat()
						+ " run(s) each). Beyond noise: the two runs' ranges do not overlap"
						+ format(Locale.ROOT, " (and a latency moved by at least %.0f ms).",
								Baseline.LATENCY_NOISE_MILLIS),
				List.of("workload", "figure", "model", "baseline", "now", "change", "verdict"), rows);
	}

	static Table summary(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			List<ScenarioResult> ofScenario = results.resultsOf(scenario.id());
			List<String> names = new ArrayList<>(new LinkedHashSet<>(ofScenario.stream()
				.flatMap((result) -> result.requests().stream())
				.map(RequestStats::name)
				.toList()));
			for (String name : names) {
				for (Contender stack : results.stacks()) {
					List<RequestStats> runs = results.runsOf(scenario.id(), stack)
						.stream()
						.flatMap((run) -> run.row(name).stream())
						.toList();
					if (runs.isEmpty()) {
						continue;
					}
					rows.add(List.of(Cell.of(scenario.id()), Cell.of(name), Cell.of(stack.id()),
							Cell.of(scenario.closedLoop(name) ? "closed" : "open"),
							Cells.spread(runs, RequestStats::throughput), Cells.spread(runs, RequestStats::p50),
							Cells.spread(runs, RequestStats::p90), Cells.spread(runs, RequestStats::p99),
							Cells.spread(runs, RequestStats::p999), Cells.spread(runs, RequestStats::max),
							Cells.spread(runs, RequestStats::count), Cells.spread(runs, RequestStats::ko)));
				}
			}
		}
		return new Table("Throughput and latency",
				"Throughput counts OK responses a second over the full seconds a row's requests were sent; latencies "
						+ "are Gatling's, in whole milliseconds, from the client's side. A closed loop's latencies "
						+ "hide a stalled server (its users stop sending while they wait): read them as what those "
						+ "users saw, not as the server's.",
				List.of("scenario", "requests", "model", "loop", "req/s", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms",
						"max ms", "count", "failed"),
				rows);
	}

	static Table littlesLaw(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				OptionalDouble bound = runs.isEmpty() ? OptionalDouble.empty() : Theory.bound(runs.getFirst());
				if (bound.isEmpty()) {
					continue;
				}
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(Cells.count(bound.getAsDouble())),
						Cells.spread(runs, (run) -> run.headline().map(RequestStats::throughput).orElse(0.0)),
						Cell.of(Spread.of(runs.stream().map((run) -> 100 * Theory.ratioToBound(run).orElse(0)).toList())
							.text(0) + "%")));
			}
		}
		return new Table("Little's law",
				"For the scenarios that wait: the most requests a second possible if no request waits for another "
						+ "(concurrent users / delay, or the arrival rate; for the database, pooled connections / "
						+ "query time), and how close each model came.",
				List.of("scenario", "model", "bound req/s", "measured req/s", "share of bound"), rows);
	}

	/**
	 * Behind nginx: what each replica served, by its own count, and what the balancer
	 * cost beside the apps.
	 */
	static Table replicas(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack)
					.stream()
					.filter((run) -> run.app().replicas().balanced())
					.toList();
				if (runs.isEmpty()) {
					continue;
				}
				List<AppMetrics.Replicas> replicas = runs.stream().map((run) -> run.app().replicas()).toList();
				int count = replicas.getFirst().requests().size();
				String perReplica = IntStream.range(0, count)
					.mapToObj((replica) -> Spread
						.of(replicas.stream().map((part) -> (double) part.requests().get(replica)).toList())
						.text(0))
					.collect(Collectors.joining(" / "));
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(String.valueOf(count)),
						Cell.of(perReplica),
						Cells.spread(replicas,
								(part) -> 100.0 * part.requests().stream().mapToLong(Long::longValue).max().orElse(0)
										/ Math.max(1, part.requests().stream().mapToLong(Long::longValue).sum())),
						Cells.spread(replicas, AppMetrics.Replicas::balancerCpuSeconds, 1),
						Cells.spread(runs,
								(run) -> (run.totalRequests() == 0) ? 0
										: run.app().replicas().balancerCpuSeconds() * 1e6 / run.totalRequests()),
						Cells.spread(runs, (run) -> 100 * run.app().replicas().balancerCpuSeconds()
								/ Math.max(1e-9, run.app().replicas().balancerCpuSeconds() + run.app().cpuSeconds()))));
			}
		}
		return new Table("Replicas behind the load balancer",
				"Each stack ran as several replicas, each on its share of the app's cores with the same JVM options, "
						+ "behind nginx (round robin, keep-alive connections to the replicas, passive health checks; "
						+ "its knobs are in the tuning table). Requests per replica are each replica's own count of "
						+ "what it served; nginx runs on the app's cores, so its CPU is part of what serving cost.",
				List.of("scenario", "model", "replicas", "requests per replica", "busiest replica's share, %",
						"nginx CPU s", "nginx CPU µs / req", "nginx share of serving CPU, %"),
				rows);
	}

	static Table claims(Analysis analysis) {
		ComparisonResults results = analysis.results();
		return new Table("Claims from theory",
				(results.repeat() > 1) ? "Each checked on the model's median run of the scenario." : "",
				List.of("claim", "verdict", "numbers"),
				analysis.claims()
					.stream()
					.map((claim) -> List.of(Cell.of(claim.statement()),
							claim.checked() ? Cell.verdict(claim.held() ? "held" : "NOT held", claim.held())
									: Cell.verdict("NOT checked", false),
							Cell.of(claim.evidence())))
					.toList());
	}

	static Table loadGenerator(Analysis analysis) {
		List<SelfChecks.LoadGenerator> checks = analysis.loadGenerator();
		double busiest = checks.stream()
			.filter((check) -> !check.saturated())
			.mapToDouble(SelfChecks.LoadGenerator::cpuShare)
			.max()
			.orElse(0);
		List<List<Cell>> rows = checks.stream()
			.filter(SelfChecks.LoadGenerator::saturated)
			.map((check) -> List.of(Cell.of(check.result().scenario().id()), Cell.of(check.result().stack().id()),
					Cell.of(String.valueOf(check.result().run())), Cell.of(check.what()),
					Cell.of(Cells.percent(check.cpuShare())), Cell.verdict("limited by the load generator", false)))
			.toList();
		return new Table("Self-check: the load generator", format(Locale.ROOT,
				"Where the load generator's CPU reached %.0f%% of its %d core(s), or it could not start the arrivals "
						+ "offered, the figure is its limit and not the model's. %s The busiest of the others used %s.",
				100 * CapacitySearch.SATURATED_GENERATOR, analysis.results().environment().loadGeneratorCores(),
				rows.isEmpty() ? "No scenario or step reached it." : "These did:", Cells.percent(busiest)),
				List.of("scenario", "model", "run", "where", "load generator CPU", "verdict"), rows);
	}

	/** The title of {@link #deaths}, which leads beside the verdicts when it has rows. */
	static final String DEATHS = "Apps that died";

	static Table deaths(ComparisonResults results) {
		List<List<Cell>> rows = results.deaths()
			.stream()
			.map((death) -> List.of(Cell.of(death.stack().id()), Cell.of(String.valueOf(death.run())),
					Cell.of(death.during()), Cell.verdict(death.inWords(), false)))
			.toList();
		return new Table(DEATHS,
				"An app whose process ended during the run: every app runs with -XX:+ExitOnOutOfMemoryError, so "
						+ "that running out of heap ends it at once with a line naming the error. The rest of its "
						+ "scenarios in that run were skipped and the run went on with the next stack; the figures "
						+ "of the scenario it died in count the requests that failed once it had.",
				List.of("model", "run", "during", "what happened"), rows);
	}

	static Table warmUp(ComparisonResults results) {
		List<List<Cell>> rows = results.warmUps()
			.stream()
			.filter((warmUp) -> !warmUp.settled())
			.map((warmUp) -> List.of(Cell.of(warmUp.stack().id()), Cell.of(String.valueOf(warmUp.run())),
					Cell.of(String.valueOf(warmUp.rounds())), Cell.of(Cells.count(warmUp.bestThroughput())),
					Cell.of(warmUp.cpuMicrosPerRequest().isEmpty() ? "–"
							: warmUp.cpuMicrosPerRequest()
								.stream()
								.map((micros) -> format(Locale.ROOT, "%.0f", micros))
								.collect(Collectors.joining(", "))),
					Cell.verdict("ended at the limit, the JIT still compiling", false)))
			.toList();
		return new Table("Self-check: the warm-up", format(Locale.ROOT,
				"Each app is loaded on every core in closed-loop rounds on the plain and JSON pages until their "
						+ "throughput stops growing, every other page once, then, on its own cores, in rounds of "
						+ "arrivals at the cost scenario's rate, read as the scenarios read it, until the last round "
						+ "on each page left the JIT's compiler threads under %.0f%% of a core; for at most %s. %s",
				100 * WarmUp.COMPILING_CPU,
				results.warmUps()
					.stream()
					.mapToInt(WarmUp::limitSeconds)
					.filter((limit) -> limit > 0)
					.mapToObj((limit) -> limit + " s in this preset")
					.findFirst()
					.orElse("the preset's limit"),
				rows.isEmpty() ? "Every warm-up settled before the limit."
						: "These reached the limit with the JIT still compiling: the cost table's JIT column shows "
								+ "what compiling was left in its windows, apart from the requests' CPU (standard's "
								+ "limit is longer)."),
				List.of("model", "run", "closed-loop rounds", "best req/s", "settling rounds' CPU µs/request",
						"verdict"),
				rows);
	}

	static Table idleConnections(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (IdleFootprint footprint : results.idleFootprints()) {
			// The idle-connections type's run of the same stack and repetition, whatever
			// its scenario's id.
			String probe = results.results()
				.stream()
				.filter((result) -> result.scenario().type().id().equals("idle-connections")
						&& result.stack() == footprint.stack() && result.run() == footprint.run())
				.findFirst()
				.flatMap(ScenarioResult::probe)
				.map((row) -> format(Locale.ROOT, "%d / %d / %d / %d", row.p50(), row.p99(), row.p999(), row.max()))
				.orElse("-");
			rows.add(List.of(Cell.of(footprint.stack().id()), Cell.of(String.valueOf(footprint.run())),
					Cell.of(Cells.count(footprint.connections())), Cell.of(Cells.count(footprint.openAtPeak())),
					Cell.of(Cells.decimal(footprint.rssKibPerConnection())),
					Cell.of(Cells.decimal(footprint.heapKibPerConnection())),
					Cell.of(footprint.before().threads() + " → " + footprint.held().threads()),
					Cell.of(format(Locale.ROOT, "%,.0f → %,.0f", footprint.before().rssMegabytes(),
							footprint.held().rssMegabytes())),
					Cell.of(probe), Cell.of(Cells.count(footprint.appOpenFilesLimit()) + " / "
							+ Cells.count(footprint.loadGeneratorOpenFilesLimit()))));
		}
		return new Table("Idle connections (C10k)",
				"Keep-alive connections that each sent one request and then stayed open, all at once, while a probe "
						+ "opened new ones. Memory per connection is what the process grew by with all of them "
						+ "open, over their count, each reading taken right after a full garbage collection "
						+ "(resident memory from /proc, the heap from the app's metrics). Open files: the limit "
						+ "of the app and of the load generator, each connection being one on both sides.",
				List.of("model", "run", "connections", "open at peak", "RSS KiB / conn", "heap KiB / conn", "threads",
						"RSS MB", "probe p50 / p99 / p99.9 / max ms", "open files app / load gen"),
				rows);
	}

	static Table littlesLawCheck(Analysis analysis) {
		List<List<Cell>> rows = analysis.littlesLaw()
			.stream()
			.map((check) -> List.of(Cell.of(check.result().scenario().id()), Cell.of(check.result().stack().id()),
					Cell.of(String.valueOf(check.result().run())), Cell.of(check.what()),
					Cell.of(Cells.decimal(check.clientInFlight())), Cell.of(Cells.decimal(check.appInFlight())),
					Cell.of(format(Locale.ROOT, "%+.0f%%", 100 * check.gap())),
					check.reading().isEmpty() ? Cell.of("agrees") : Cell.verdict(check.reading(), false)))
			.toList();
		return new Table("Self-check: Little's law both ways", format(Locale.ROOT,
				"In flight as the clients saw it (achieved throughput × mean latency) against the app's own in-flight "
						+ "gauge, averaged while the load ran; a gap over %.0f%% is read out. Only where the clients "
						+ "had at least %.0f requests in flight: below that, whole milliseconds and a once-a-second "
						+ "gauge resolve nothing.",
				100 * SelfChecks.LITTLES_LAW_GAP, SelfChecks.LEAST_IN_FLIGHT),
				List.of("scenario", "model", "run", "where", "clients' L", "app's L", "gap", "reading"), rows);
	}

	static Table resources(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				if (runs.isEmpty()) {
					continue;
				}
				List<AppMetrics> apps = runs.stream().map(ScenarioResult::app).toList();
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()),
						Cells.spread(apps, AppMetrics::cpuSeconds, 1),
						Cells.spread(runs, ScenarioResult::appCpuMillisPer1000Requests),
						Cells.spread(runs, ScenarioResult::loadGeneratorCpuSeconds, 1),
						Cells.spread(apps, AppMetrics::maxLiveThreads),
						Cells.counts(apps, AppMetrics::maxBusyRequestThreads),
						Cells.counts(apps, AppMetrics::maxConnections),
						Cells.spread(apps, AppMetrics::maxHeapMegabytes),
						Cell.of(Spread.of(apps.stream().map(AppMetrics::heapAfterGcAtStartMegabytes).toList()).text(0)
								+ " → "
								+ Spread.of(apps.stream().map(AppMetrics::heapAfterGcAtEndMegabytes).toList()).text(0)),
						Cells.spread(apps, AppMetrics::gcPauses),
						runs.stream().allMatch(ScenarioResult::assertionsPassed) ? Cell.of("passed")
								: Cell.verdict("FAILED", false)));
			}
		}
		return new Table("Resources",
				"From each app's own metrics, scraped every second on its management port, and the load generator's "
						+ "process CPU. A dash means the model has no such meter (busy request threads on an event "
						+ "loop).",
				List.of("scenario", "model", "app CPU s", "app CPU ms / 1k req", "load generator CPU s",
						"max live threads", "max busy request threads", "max connections", "max heap MB",
						"heap after GC MB, start → end", "GC pauses", "assertions"),
				rows);
	}

	static Table errors(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			result.errors()
				.forEach((error) -> rows.add(List.of(result.scenario().id(), result.stack().id(),
						String.valueOf(result.run()), error.message(), String.valueOf(error.count()))));
		}
		return Table.plain("Errors", rows.isEmpty() ? "No request failed." : "",
				List.of("scenario", "model", "run", "error", "count"), rows);
	}

	static Table environment(ComparisonResults results) {
		Environment environment = results.environment();
		List<List<String>> rows = new ArrayList<>(List.of(List.of("preset", results.preset()),
				List.of("runs of each scenario", String.valueOf(results.repeat())),
				List.of("started", results.started().toString()), List.of("finished", results.finished().toString()),
				List.of("mode", environment.mode()), List.of("JDK", environment.jdk()),
				List.of("cores", String.valueOf(environment.cores())),
				List.of("memory", environment.memoryMegabytes() + " MB"), List.of("OS", environment.os()),
				List.of("cores split", environment.cpuSplit()),
				List.of("app JVM options", String.join(" ", environment.jvmOptions())),
				List.of("results.json schema", String.valueOf(results.schemaVersion()))));
		environment.versions().forEach((name, version) -> rows.add(List.of(name, version)));
		return Table.plain("Environment", "", List.of("what", "value"), rows);
	}

	static Table tuning(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		results.tuning()
			.forEach((stack,
					knobs) -> rows.add(List.of(stack,
							knobs.entrySet()
								.stream()
								.map((knob) -> knob.getKey() + "=" + knob.getValue())
								.collect(Collectors.joining(", ")))));
		return Table.plain("Tuning", "Every knob as the running app reported it on /actuator/info.",
				List.of("model", "knobs"), rows);
	}

	static Table scenarios(ComparisonResults results) {
		return Table.plain("Scenarios", "", List.of("scenario", "simulation", "loop", "parameters"),
				results.scenarios()
					.stream()
					.map((scenario) -> List.of(scenario.id(), scenario.type().simulation().getSimpleName(),
							scenario.type().closedLoop() ? "closed" : "open",
							new TreeMap<>(scenario.parameters()).entrySet()
								.stream()
								.map((parameter) -> parameter.getKey() + "=" + parameter.getValue())
								.collect(Collectors.joining(", "))))
					.toList());
	}

}
