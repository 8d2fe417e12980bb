package dev.stackbench.comparison.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

import dev.stackbench.comparison.report.Cells;
import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;

/**
 * The table the protocol scenarios share (keep-alive plain and over TLS, HTTP/1.1 against
 * HTTP/2): one row per phase, with the app's connections and CPU over that phase alone.
 */
final class ProtocolsTable {

	private ProtocolsTable() {
	}

	/**
	 * @param type the scenarios' type, which names each one's phases
	 * @param connectionCost for a phase, what a new connection added to each request's
	 * CPU, or none
	 */
	static <P extends Record> Table of(ComparisonResults results, List<Scenario> scenarios, PhasedType<P> type,
			BiFunction<ScenarioResult, String, OptionalDouble> connectionCost) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			for (Contender stack : results.stacks()) {
				List<ScenarioResult> runs = results.runsOf(scenario.id(), stack)
					.stream()
					.filter((run) -> !run.phases().isEmpty())
					.toList();
				if (runs.isEmpty()) {
					continue;
				}
				for (String phase : type.phases(type.load(scenario))) {
					boolean costed = runs.stream().anyMatch((run) -> connectionCost.apply(run, phase).isPresent());
					rows.add(List.of(Cell.of(scenario.id()), Cell.of(stack.id()),
							Cell.of((scenario.transport() == Scenario.Transport.TLS) ? "TLS 1.3" : "plain"),
							Cell.of(phase), Cells.rowSpread(runs, phase, RequestStats::throughput),
							Cells.latencies(runs, phase),
							Cells.spread(runs,
									(run) -> run.phase(phase)
										.map((result) -> result.app().maxConnections())
										.orElse(-1)),
							Cells.spread(runs, (run) -> run.appCpuMillisPer1000Requests(phase).orElse(Double.NaN)),
							costed ? Cells.spread(runs, (run) -> connectionCost.apply(run, phase).orElse(Double.NaN))
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

}
