package dev.stackbench.comparison.report;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Disruption;
import dev.stackbench.comparison.result.Environment;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.comparison.result.Spread;
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
		List<Table> tables = new ArrayList<>(List.of(verdicts(results)));
		baseline.ifPresent((before) -> tables.add(sinceBaseline(before, results)));
		tables.addAll(List.of(capacity(results), capacitySteps(results), summary(results), littlesLaw(results),
				databasePool(results), protocols(results), failover(results), replicas(results), claims(results),
				loadGenerator(results), warmUp(results), littlesLawCheck(results), resources(results),
				idleConnections(results), errors(results), environment(results), tuning(results), scenarios(results)));
		return tables.stream().filter((table) -> !table.rows().isEmpty() || table.title().equals("Errors")).toList();
	}

	static Table verdicts(ComparisonResults results) {
		List<String> headers = new ArrayList<>(List.of("workload", "figure", "loop"));
		results.stacks().forEach((stack) -> headers.add(stack.id()));
		headers.add("margin");
		List<List<Cell>> rows = new ArrayList<>();
		for (Verdicts.Row row : Verdicts.rows(results)) {
			List<Cell> cells = new ArrayList<>(List.of(Cell.of(row.measure().scenario()),
					Cell.of(row.measure().figure() + ", " + row.measure().unit()),
					Cell.of(row.measure().closedLoop() ? "closed" : "open")));
			for (ServingModel stack : results.stacks()) {
				String atLeast = row.measure().lowerBound(results, stack) ? "≥ " : "";
				String text = Optional.ofNullable(row.spreads().get(stack))
					.map((spread) -> atLeast + spread.text(row.measure().decimals()))
					.orElse("-");
				boolean best = row.best().filter((winner) -> winner == stack).isPresent();
				cells.add(best ? Cell.verdict("best: " + text, true) : Cell.of(text));
			}
			cells.add(row.beyondNoise() ? Cell.verdict(row.margin(), true) : Cell.of(row.margin()));
			rows.add(cells);
		}
		String runs = (results.repeat() == 1)
				? "One run of each: a difference smaller than the machine's noise (about ±15% here) cannot be told "
						+ "from it; -Drepeat=3 gives ranges."
				: results.repeat()
						+ " runs of each, interleaved across models: median (lowest–highest); a margin is beyond "
						+ "noise only when the best model's range is clear of every other's.";
		return new Table("Verdicts", runs
				+ " Open-loop figures come from arrivals that do not wait for answers; closed-loop ones from users "
				+ "that do, whose latencies hide a stalled server, so only their throughputs are shown here.", headers,
				rows);
	}

	static Table sinceBaseline(ComparisonResults baseline, ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Baseline.Change change : Baseline.changes(baseline, results)) {
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

	static Table capacity(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			if (!(scenario.load() instanceof LoadShape.Capacity capacity)) {
				continue;
			}
			for (ServingModel stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				List<CapacitySearch.Figure> figures = runs.stream()
					.flatMap((run) -> CapacitySearch.capacity(run).stream())
					.toList();
				if (figures.isEmpty()) {
					continue;
				}
				Spread spread = Spread.of(figures.stream().map(CapacitySearch.Figure::rate).toList());
				boolean lowerBound = figures.stream().anyMatch(CapacitySearch.Figure::lowerBound);
				String limits = figures.stream()
					.map((figure) -> figure.limit().words())
					.distinct()
					.collect(Collectors.joining(", "));
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(capacity.path()),
						Cell.of(format(Locale.ROOT, "p99 ≤ %d ms", capacity.sloMillis())), Cell.of(stack.id()),
						Cell.of((lowerBound ? "≥ " : "") + spread.text(0)),
						Cell.of(figures.stream()
							.map(CapacitySearch.Figure::describe)
							.collect(Collectors.joining(", "))),
						lowerBound ? Cell.verdict(limits, false) : Cell.of(limits)));
			}
		}
		return new Table("Capacity at the SLO", format(Locale.ROOT,
				"An open model: arrivals at a fixed rate, stepped up geometrically. A step holds when at least %.0f%% "
						+ "of the offered rate is answered, p99 is within the SLO and nothing fails; the capacity is "
						+ "the highest offered rate that held. A step whose load generator was at %.0f%% of its CPU "
						+ "or more, or could not start the offered arrivals, is credited to no one.",
				100 * CapacitySearch.ACHIEVED_SHARE, 100 * CapacitySearch.SATURATED_GENERATOR),
				List.of("scenario", "page", "SLO", "model", "capacity req/s", "each run", "what ended the search"),
				rows);
	}

	static Table capacitySteps(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			if (!(result.scenario().load() instanceof LoadShape.Capacity capacity)) {
				continue;
			}
			for (RateStep step : result.steps()) {
				CapacitySearch.Verdict verdict = CapacitySearch.verdict(step, capacity);
				RequestStats stats = step.stats();
				rows.add(List.of(Cell.of(result.scenario().id()), Cell.of(result.stack().id()),
						Cell.of(String.valueOf(result.run())), Cell.of(count(step.offeredRate())),
						Cell.of(count(step.achievedRate())), Cell.of(ms(stats.p50())), Cell.of(ms(stats.p90())),
						Cell.of(ms(stats.p99())), Cell.of(ms(stats.p999())), Cell.of(ms(stats.max())),
						Cell.of(String.valueOf(stats.ko())), Cell.of(percent(step.appCpuShare())),
						Cell.of(percent(step.loadGeneratorCpuShare())),
						(verdict == CapacitySearch.Verdict.LIMITED_BY_LOAD_GENERATOR)
								? Cell.of(CapacitySearch.words(verdict))
								: Cell.verdict(CapacitySearch.words(verdict), verdict == CapacitySearch.Verdict.HELD)));
			}
		}
		return new Table("Capacity search, step by step",
				"Every step of every run. CPU shares are of the cores each side runs on (the app's, the load "
						+ "generator's).",
				List.of("scenario", "model", "run", "offered req/s", "achieved req/s", "p50 ms", "p90 ms", "p99 ms",
						"p99.9 ms", "max ms", "failed", "app CPU", "load generator CPU", "step"),
				rows);
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
				for (ServingModel stack : results.stacks()) {
					List<RequestStats> runs = results.runsOf(scenario.id(), stack)
						.stream()
						.flatMap((run) -> run.row(name).stream())
						.toList();
					if (runs.isEmpty()) {
						continue;
					}
					rows.add(List.of(Cell.of(scenario.id()), Cell.of(name), Cell.of(stack.id()),
							Cell.of(scenario.closedLoop(name) ? "closed" : "open"),
							spread(runs, RequestStats::throughput), spread(runs, RequestStats::p50),
							spread(runs, RequestStats::p90), spread(runs, RequestStats::p99),
							spread(runs, RequestStats::p999), spread(runs, RequestStats::max),
							spread(runs, RequestStats::count), spread(runs, RequestStats::ko)));
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
			for (ServingModel stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				OptionalDouble bound = runs.isEmpty() ? OptionalDouble.empty() : Theory.bound(runs.getFirst());
				if (bound.isEmpty()) {
					continue;
				}
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(count(bound.getAsDouble())),
						spread(runs, (run) -> run.headline().map(RequestStats::throughput).orElse(0.0)),
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

	static Table databasePool(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			if (!(scenario.load() instanceof LoadShape.Database load)) {
				continue;
			}
			for (ServingModel stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				if (runs.isEmpty()) {
					continue;
				}
				List<AppMetrics.Pool> pools = runs.stream().map((run) -> run.app().pool()).toList();
				rows.add(
						List.of(Cell.of(scenario.id()), Cell.of(stack.id()),
								Cell.of(String.valueOf(pools.getFirst().size())), Cell
									.of(Theory
										.poolBound(runs.getFirst())
										.stream()
										.mapToObj(ReportTables::count)
										.findFirst()
										.orElse("-")),
								rowSpread(runs, DatabaseSimulation.CLOSED, RequestStats::throughput),
								Cell.of(Spread
									.of(runs.stream()
										.map((run) -> 100 * run.row(DatabaseSimulation.CLOSED)
											.map(RequestStats::throughput)
											.orElse(0.0) / Theory.poolBound(run).orElse(Double.NaN))
										.toList())
									.text(0) + "%"),
								latencies(runs, DatabaseSimulation.CLOSED),
								Cell.of(count(load.rate()) + " → "
										+ rowSpread(runs, DatabaseSimulation.OPEN, RequestStats::throughput).text()),
								rowSpread(runs, DatabaseSimulation.OPEN, RequestStats::ko),
								poolSpread(pools, AppMetrics.Pool::maxActive),
								poolSpread(pools, AppMetrics.Pool::minIdle),
								poolSpread(pools, AppMetrics.Pool::maxPending),
								poolSpread(pools, AppMetrics.Pool::meanAcquireMillis)));
			}
		}
		return new Table("Database pool",
				"The pool as the bottleneck: first a closed model of many users on a query that waits in the "
						+ "database, whose throughput the pool caps at connections / query time whatever the threads; "
						+ "then arrivals past that bound, which wait for a connection until the acquire timeout turns "
						+ "them away (503), or, where requests queue for a thread before they ask for a connection "
						+ "(platform threads), wait there instead. Pool figures are the pool's own meters, scraped "
						+ "every second over both halves; r2dbc-pool does not time its acquisitions.",
				List.of("scenario", "model", "pool", "bound req/s", "closed req/s", "share of bound",
						"closed p50 / p99 / p99.9 ms", "open offered → served req/s", "open failed", "max active",
						"min idle", "max pending", "mean acquire ms"),
				rows);
	}

	/**
	 * The phased scenarios (keep-alive plain and over TLS, HTTP/1.1 against HTTP/2), one
	 * row per phase with the app's connections and CPU over that phase alone, and for the
	 * keep-alive ones what a new connection adds to each request's CPU.
	 */
	static Table protocols(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			if (!(scenario.load() instanceof LoadShape.Phased phased) || phased instanceof LoadShape.Failover) {
				continue;
			}
			for (ServingModel stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack)
					.stream()
					.filter((run) -> !run.phases().isEmpty())
					.toList();
				if (runs.isEmpty()) {
					continue;
				}
				for (String phase : phased.phases()) {
					boolean connectionCost = scenario.load() instanceof LoadShape.KeepAlive
							&& phase.equals(KeepAliveSimulation.NEW_CONNECTION);
					rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()),
							Cell.of((scenario.transport() == Scenario.Transport.TLS) ? "TLS 1.3" : "plain"),
							Cell.of(phase), rowSpread(runs, phase, RequestStats::throughput), latencies(runs, phase),
							spread(runs,
									(run) -> run.phase(phase)
										.map((result) -> result.app().maxConnections())
										.orElse(-1)),
							spread(runs, (run) -> run.appCpuMillisPer1000Requests(phase).orElse(Double.NaN)),
							connectionCost ? spread(runs, (run) -> Theory.connectionCpuMicros(run).orElse(Double.NaN))
									: Cell.of("")));
				}
			}
		}
		return new Table("Connections and protocols",
				"Each phase ran on its own, so the connections the server held open and the CPU it spent belong to "
						+ "that phase alone. With a new connection per request, the CPU it adds to every request is "
						+ "the connection's cost: over plain TCP an accept and a close, over TLS 1.3 a handshake as "
						+ "well (a client that resumes its session skips the certificate's signature, not the key "
						+ "exchange). Over HTTP/2 the users share connections, each request a stream: the server "
						+ "holds connections for the streams, at most its SETTINGS_MAX_CONCURRENT_STREAMS each.",
				List.of("scenario", "model", "transport", "phase", "req/s", "p50 / p99 / p99.9 ms", "connections open",
						"app CPU ms / 1,000 req", "new connection's CPU µs / req"),
				rows);
	}

	/**
	 * Each failover phase: the replica stopped, what clients lost and waited around it,
	 * and how long it took to serve again.
	 */
	static Table failover(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			if (!(scenario.load() instanceof LoadShape.Failover failover)) {
				continue;
			}
			for (ServingModel stack : results.stacks()) {
				for (String signal : failover.phases()) {
					List<Disruption> stops = results.runsOf(scenario.id(), stack)
						.stream()
						.flatMap((run) -> run.phase(signal).map(PhaseResult::disruption).stream())
						.filter((stop) -> stop != null)
						.toList();
					if (stops.isEmpty()) {
						continue;
					}
					rows.add(List
						.of(Cell.of(scenario.id()), Cell.of(stack.id()), Cell.of(signal),
								spread(stops, Disruption::inFlightAtStop), spread(stops, Disruption::failed),
								Cell.of(stops.stream()
									.flatMap((stop) -> stop.errors().stream())
									.map(ErrorCount::inWords)
									.distinct()
									.collect(Collectors.joining("; "))),
								spread(stops, Disruption::p99BeforeMillis),
								spread(stops, Disruption::maxAroundStopMillis),
								spread(stops, Disruption::drainSeconds, 1), spread(stops, Disruption::exitSeconds, 1),
								spread(stops, Disruption::healthyAfterSeconds, 1), Cell.of(
										Spread
											.of(stops.stream()
												.map((stop) -> stop.tookTrafficAgain()
														? stop.trafficAfterSeconds() : Double.NaN)
												.toList())
											.text(1)),
								spread(stops, Disruption::maxAroundRestartMillis)));
				}
			}
		}
		return new Table("Failover",
				"Steady arrivals through nginx while the last replica is stopped and started again on its ports: "
						+ "once killed (SIGKILL: a crash, which only nginx's passive health checks notice), once "
						+ "stopped as a rolling update stops a pod (taken out of nginx's rotation, drained, then "
						+ "SIGTERM, and put back once healthy). In flight: the replica's own gauge when it was asked "
						+ "to go. nginx sends an idempotent "
						+ "request that fails on a replica to another (reads), never a write, and leaves a failing "
						+ "replica out for its fail-timeout (see the tuning table) before trying it again. \"Around\" is from a "
						+ "second before the moment to " + Disruption.WINDOW_SECONDS + " s after it.",
				List.of("scenario", "model", "signal", "in flight", "failed", "failures by kind", "p99 before, ms",
						"slowest around the stop, ms", "drain s", "exit s", "healthy after restart, s",
						"serving again after restart, s", "slowest around its return, ms"),
				rows);
	}

	/**
	 * Behind nginx: what each replica served, by its own count, and what the balancer
	 * cost beside the apps.
	 */
	static Table replicas(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : results.scenarios()) {
			for (ServingModel stack : results.stacks()) {
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
						spread(replicas,
								(part) -> 100.0 * part.requests().stream().mapToLong(Long::longValue).max().orElse(0)
										/ Math.max(1, part.requests().stream().mapToLong(Long::longValue).sum())),
						spread(replicas, AppMetrics.Replicas::balancerCpuSeconds, 1),
						spread(runs,
								(run) -> (run.totalRequests() == 0) ? 0
										: run.app().replicas().balancerCpuSeconds() * 1e6 / run.totalRequests()),
						spread(runs, (run) -> 100 * run.app().replicas().balancerCpuSeconds()
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

	/** A row's p50 / p99 / p99.9 over the runs, each with its spread. */
	private static Cell latencies(List<ScenarioResult> runs, String row) {
		return Cell
			.of(rowSpread(runs, row, RequestStats::p50).text() + " / " + rowSpread(runs, row, RequestStats::p99).text()
					+ " / " + rowSpread(runs, row, RequestStats::p999).text());
	}

	private static Cell rowSpread(List<ScenarioResult> runs, String row, ToDoubleFunction<RequestStats> figure) {
		return spread(runs, (run) -> run.row(row).map(figure::applyAsDouble).orElse(0.0));
	}

	private static Cell poolSpread(List<AppMetrics.Pool> pools, ToDoubleFunction<AppMetrics.Pool> figure) {
		return pools.stream().allMatch((pool) -> figure.applyAsDouble(pool) < 0) ? Cell.of("-")
				: spread(pools, figure, 1);
	}

	static Table claims(ComparisonResults results) {
		return new Table("Claims from theory",
				(results.repeat() > 1) ? "Each checked on the model's median run of the scenario." : "",
				List.of("claim", "verdict", "numbers"),
				results.claims()
					.stream()
					.map((claim) -> List.of(Cell.of(claim.statement()),
							Cell.verdict(claim.held() ? "held" : "NOT held", claim.held()), Cell.of(claim.evidence())))
					.toList());
	}

	static Table loadGenerator(ComparisonResults results) {
		List<SelfChecks.LoadGenerator> checks = SelfChecks.loadGenerator(results);
		double busiest = checks.stream()
			.filter((check) -> !check.saturated())
			.mapToDouble(SelfChecks.LoadGenerator::cpuShare)
			.max()
			.orElse(0);
		List<List<Cell>> rows = checks.stream()
			.filter(SelfChecks.LoadGenerator::saturated)
			.map((check) -> List.of(Cell.of(check.result().scenario().id()), Cell.of(check.result().stack().id()),
					Cell.of(String.valueOf(check.result().run())), Cell.of(check.what()),
					Cell.of(percent(check.cpuShare())), Cell.verdict("limited by the load generator", false)))
			.toList();
		return new Table("Self-check: the load generator", format(Locale.ROOT,
				"Where the load generator's CPU reached %.0f%% of its %d core(s), or it could not start the arrivals "
						+ "offered, the figure is its limit and not the model's. %s The busiest of the others used %s.",
				100 * CapacitySearch.SATURATED_GENERATOR, results.environment().loadGeneratorCores(),
				rows.isEmpty() ? "No scenario or step reached it." : "These did:", percent(busiest)),
				List.of("scenario", "model", "run", "where", "load generator CPU", "verdict"), rows);
	}

	static Table warmUp(ComparisonResults results) {
		List<List<Cell>> rows = results.warmUps()
			.stream()
			.filter((warmUp) -> !warmUp.settled())
			.map((warmUp) -> List.of(Cell.of(warmUp.stack().id()), Cell.of(String.valueOf(warmUp.run())),
					Cell.of(String.valueOf(warmUp.rounds())), Cell.of(count(warmUp.bestThroughput())),
					Cell.of(count(warmUp.lastThroughput())),
					Cell.verdict("cut short: the first scenario met an app still being compiled", false)))
			.toList();
		return new Table("Self-check: the warm-up", format(Locale.ROOT,
				"Each app's plain page is loaded in rounds until its throughput stops growing, for at most %d s in "
						+ "this preset. %s",
				Preset.of(results.preset()).warmUpLimitSeconds(),
				rows.isEmpty() ? "Every warm-up settled before the limit."
						: "These were cut short by the limit while still growing: their first scenario's figures "
								+ "include the JIT's last compilations (standard's limit is longer)."),
				List.of("model", "run", "rounds", "best req/s", "last req/s", "verdict"), rows);
	}

	static Table idleConnections(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (IdleFootprint footprint : results.idleFootprints()) {
			String probe = results.runsOf("idle-connections", footprint.stack())
				.stream()
				.filter((result) -> result.run() == footprint.run())
				.findFirst()
				.flatMap(ScenarioResult::probe)
				.map((row) -> format(Locale.ROOT, "%d / %d / %d / %d", row.p50(), row.p99(), row.p999(), row.max()))
				.orElse("-");
			rows.add(List.of(Cell.of(footprint.stack().id()), Cell.of(String.valueOf(footprint.run())),
					Cell.of(count(footprint.connections())), Cell.of(count(footprint.openAtPeak())),
					Cell.of(decimal(footprint.rssKibPerConnection())),
					Cell.of(decimal(footprint.heapKibPerConnection())),
					Cell.of(footprint.before().threads() + " → " + footprint.held().threads()),
					Cell.of(format(Locale.ROOT, "%,.0f → %,.0f", footprint.before().rssMegabytes(),
							footprint.held().rssMegabytes())),
					Cell.of(probe), Cell.of(count(footprint.appOpenFilesLimit()) + " / "
							+ count(footprint.loadGeneratorOpenFilesLimit()))));
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

	static Table littlesLawCheck(ComparisonResults results) {
		List<List<Cell>> rows = SelfChecks.littlesLaw(results)
			.stream()
			.map((check) -> List.of(Cell.of(check.result().scenario().id()), Cell.of(check.result().stack().id()),
					Cell.of(String.valueOf(check.result().run())), Cell.of(check.what()),
					Cell.of(decimal(check.clientInFlight())), Cell.of(decimal(check.appInFlight())),
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
			for (ServingModel stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
				if (runs.isEmpty()) {
					continue;
				}
				List<AppMetrics> apps = runs.stream().map(ScenarioResult::app).toList();
				rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()), spread(apps, AppMetrics::cpuSeconds, 1),
						spread(runs, ScenarioResult::appCpuMillisPer1000Requests),
						spread(runs, ScenarioResult::loadGeneratorCpuSeconds, 1),
						spread(apps, AppMetrics::maxLiveThreads), counts(apps, AppMetrics::maxBusyRequestThreads),
						counts(apps, AppMetrics::maxConnections), spread(apps, AppMetrics::maxHeapMegabytes),
						Cell.of(Spread.of(apps.stream().map(AppMetrics::heapAfterGcAtStartMegabytes).toList()).text(0)
								+ " → "
								+ Spread.of(apps.stream().map(AppMetrics::heapAfterGcAtEndMegabytes).toList()).text(0)),
						spread(apps, AppMetrics::gcPauses), runs.stream().allMatch(ScenarioResult::assertionsPassed)
								? Cell.of("passed") : Cell.verdict("FAILED", false)));
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
					.map((scenario) -> List.of(scenario.id(), scenario.simulation().getSimpleName(),
							scenario.kind().closedLoop() ? "closed" : "open",
							new TreeMap<>(scenario.load().systemProperties()).entrySet()
								.stream()
								.map((parameter) -> parameter.getKey() + "=" + parameter.getValue())
								.collect(Collectors.joining(", "))))
					.toList());
	}

	private static <T> Cell spread(List<T> runs, ToDoubleFunction<T> figure) {
		return spread(runs, figure, 0);
	}

	private static <T> Cell spread(List<T> runs, ToDoubleFunction<T> figure, int decimals) {
		return Cell.of(Spread.of(runs.stream().map(figure::applyAsDouble).toList()).text(decimals));
	}

	/** A count that a stack may not have (-1): a dash then. */
	private static Cell counts(List<AppMetrics> apps, ToDoubleFunction<AppMetrics> figure) {
		return apps.stream().allMatch((app) -> figure.applyAsDouble(app) < 0) ? Cell.of("-") : spread(apps, figure);
	}

	private static String ms(int millis) {
		return String.valueOf(millis);
	}

	private static String count(double value) {
		return format(Locale.ROOT, "%,.0f", value);
	}

	private static String decimal(double value) {
		return format(Locale.ROOT, "%,.1f", value);
	}

	private static String percent(double share) {
		return format(Locale.ROOT, "%.0f%%", 100 * share);
	}

}
