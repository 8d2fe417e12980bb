package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.LittlesLaw;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * The same closed load on each page over HTTP/1.1 with keep-alive and over HTTP/2
 * ({@link MultiplexingSimulation}), a Gatling run per phase: how many connections each
 * protocol needs for the same concurrency.
 */
final class Multiplexing extends PhasedType<MultiplexingSimulation.Load> {

	Multiplexing() {
		super("multiplexing", "MULTIPLEXING", MultiplexingSimulation.Load.class, MultiplexingSimulation.DEFAULTS, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return MultiplexingSimulation.class;
	}

	@Override
	List<String> phases(MultiplexingSimulation.Load load) {
		return load.paths()
			.stream()
			.flatMap((path) -> Stream.of(MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP1, path),
					MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, path)))
			.toList();
	}

	@Override
	double phaseSeconds(MultiplexingSimulation.Load load) {
		return load.phaseSeconds();
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return load(scenario).paths().stream().flatMap((path) -> {
			String http2 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, path);
			return Stream.of(
					new Measure(scenario.id(), "throughput over HTTP/2 on " + path, "req/s", Better.HIGHER, true, false,
							false, Headlines.row(http2, RequestStats::throughput)),
					new Measure(scenario.id(), "connections open over HTTP/2 on " + path, "connections", Better.LOWER,
							true, false, false,
							(run) -> run.phase(http2)
								.map((phase) -> OptionalDouble.of(phase.app().maxConnections()))
								.orElse(OptionalDouble.empty())));
		}).toList();
	}

	/**
	 * HTTP/2 on the waiting page: the same users served as over HTTP/1.1 (within 5%),
	 * with nothing failed, on a tenth of the connections HTTP/1.1 needs (one per user) or
	 * fewer. Either protocol's throughput is bound by users / delay.
	 */
	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		MultiplexingSimulation.Load load = load(run.scenario());
		Optional<String> slow = load.paths().stream().filter((path) -> path.contains("delay=")).findFirst();
		if (slow.isEmpty()) {
			// The claim is about a page that waits: without one it does not apply.
			return List.of();
		}
		int streams = ((Number) context.knobs(run.stack()).getOrDefault("http2.max-concurrent-streams", 100))
			.intValue();
		// At least users / streams connections; a client opens a few more while its first
		// ones are being set up (Gatling: 4 or 5 for 200 users ramped over a second), so
		// the claim allows a tenth of HTTP/1.1's one per user.
		int allowed = Math.max((load.users() + streams - 1) / streams + 1, load.users() / 10);
		String statement = format(Locale.ROOT,
				"%s: HTTP/2 serves %d users on %s as HTTP/1.1 does (within 5%%) on at most %d connections "
						+ "(%d streams each), where HTTP/1.1 needs one per user",
				run.stack().id(), load.users(), slow.get(), allowed, streams);
		String http2 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, slow.get());
		String http1 = MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP1, slow.get());
		Optional<RequestStats> row = run.row(http2);
		Optional<RequestStats> http1Row = run.row(http1);
		Optional<PhaseResult> phase = run.phase(http2);
		if (row.isEmpty() || http1Row.isEmpty() || phase.isEmpty()) {
			return List.of(Claim.notChecked(statement,
					"row " + ((http1Row.isEmpty()) ? http1 : http2) + " or its phase missing"));
		}
		double bound = LittlesLaw.throughputBound(load.users(), delayMillis(slow.get()));
		int connections = phase.get().app().maxConnections();
		return List.of(new Claim(statement,
				row.get().throughput() >= 0.95 * http1Row.get().throughput() && row.get().ko() == 0 && connections > 0
						&& connections <= allowed,
				format(Locale.ROOT, "HTTP/2: %.0f req/s on %d connections; HTTP/1.1: %.0f req/s on %d (bound %.0f)",
						row.get().throughput(), connections, http1Row.get().throughput(),
						run.phase(http1).map((other) -> other.app().maxConnections()).orElse(-1), bound)));
	}

	@Override
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		return List.of(ProtocolsTable.of(results, scenarios, this, (run, phase) -> OptionalDouble.empty()));
	}

}
