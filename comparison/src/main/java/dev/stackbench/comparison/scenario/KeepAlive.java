package dev.stackbench.comparison.scenario;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.report.Table;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.comparison.theory.Headlines.Better;
import dev.stackbench.comparison.theory.Headlines.Measure;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * The same closed load over keep-alive connections, then with a new connection per
 * request ({@link KeepAliveSimulation}), a Gatling run each; over TLS, the difference is
 * what a handshake costs.
 */
final class KeepAlive extends PhasedType<KeepAliveSimulation.Load> {

	/**
	 * A TLS 1.3 handshake adds to a plain connection's accept, read and close at least a
	 * key agreement (X25519) on the server and, unless the client resumes its session, a
	 * certificate signature (ECDSA P-256), each of which costs the JDK tens to hundreds
	 * of microseconds, where accepting and closing a socket costs tens: at least three
	 * times. A claim that fails says the handshake cost less than that theory.
	 */
	static final int TLS_HANDSHAKE_FACTOR = 3;

	KeepAlive() {
		super("keep-alive", "KEEP_ALIVE", KeepAliveSimulation.Load.class, KeepAliveSimulation.DEFAULTS, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return KeepAliveSimulation.class;
	}

	@Override
	List<String> phases(KeepAliveSimulation.Load load) {
		return List.of(KeepAliveSimulation.KEEP_ALIVE, KeepAliveSimulation.NEW_CONNECTION);
	}

	@Override
	double phaseSeconds(KeepAliveSimulation.Load load) {
		return load.phaseSeconds();
	}

	@Override
	public List<Measure> headlines(Scenario scenario) {
		return List.of(
				new Measure(scenario.id(), "throughput with keep-alive", "req/s", Better.HIGHER, true, false, false,
						Headlines.row(KeepAliveSimulation.KEEP_ALIVE, RequestStats::throughput)),
				new Measure(scenario.id(), "throughput with a new connection per request", "req/s", Better.HIGHER, true,
						false, false, Headlines.row(KeepAliveSimulation.NEW_CONNECTION, RequestStats::throughput)));
	}

	@Override
	public List<Claim> claims(ScenarioResult run, ClaimContext context) {
		List<Claim> claims = new ArrayList<>();
		claims.add(newConnectionsCost(run));
		if (run.scenario().transport() == Scenario.Transport.TLS) {
			claims.add(handshakeCost(run, context));
		}
		return claims;
	}

	private static Claim newConnectionsCost(ScenarioResult run) {
		String statement = run.stack().id()
				+ ": with Connection: close (a new connection per request), throughput drops";
		Optional<RequestStats> keepAlive = run.row(KeepAliveSimulation.KEEP_ALIVE);
		Optional<RequestStats> close = run.row(KeepAliveSimulation.NEW_CONNECTION);
		if (keepAlive.isEmpty() || close.isEmpty()) {
			return Claim.notChecked(statement,
					"row " + (keepAlive.isEmpty() ? KeepAliveSimulation.KEEP_ALIVE : KeepAliveSimulation.NEW_CONNECTION)
							+ " missing");
		}
		double before = keepAlive.get().throughput();
		double after = close.get().throughput();
		return new Claim(statement, after < before,
				format(Locale.ROOT, "%.0f req/s with keep-alive, %.0f req/s with a new connection each (%+.0f%%)",
						before, after, 100 * (after - before) / before));
	}

	/**
	 * What a new connection adds to a request's cost in the app's CPU, in microseconds: a
	 * keep-alive scenario's CPU per request with a new connection each, less its CPU per
	 * request with keep-alive. Over TLS that is the handshake.
	 */
	static OptionalDouble connectionCpuMicros(ScenarioResult run) {
		OptionalDouble kept = run.appCpuMillisPer1000Requests(KeepAliveSimulation.KEEP_ALIVE);
		OptionalDouble fresh = run.appCpuMillisPer1000Requests(KeepAliveSimulation.NEW_CONNECTION);
		// Milliseconds per thousand requests are microseconds per request.
		return (kept.isPresent() && fresh.isPresent()) ? OptionalDouble.of(fresh.getAsDouble() - kept.getAsDouble())
				: OptionalDouble.empty();
	}

	/**
	 * A TLS keep-alive scenario beside the plain one of the same stack: a new TLS
	 * connection costs the app at least {@link #TLS_HANDSHAKE_FACTOR} times a plain one.
	 */
	private Claim handshakeCost(ScenarioResult tls, ClaimContext context) {
		String statement = format(Locale.ROOT,
				"%s: a new TLS connection per request costs the app at least %d times a plain one", tls.stack().id(),
				TLS_HANDSHAKE_FACTOR);
		Optional<ScenarioResult> plain = context.closest(tls, (result) -> result.scenario().type() == this
				&& result.scenario().transport() == Scenario.Transport.PLAIN && result.stack() == tls.stack());
		OptionalDouble tlsCost = connectionCpuMicros(tls);
		OptionalDouble plainCost = plain.map(KeepAlive::connectionCpuMicros).orElse(OptionalDouble.empty());
		if (plain.isEmpty()) {
			return Claim.notChecked(statement, "no plain keep-alive run of " + tls.stack().id() + " to set it beside");
		}
		if (tlsCost.isEmpty() || plainCost.isEmpty()) {
			return Claim.notChecked(statement, "a phase's CPU per request is missing");
		}
		double factor = tlsCost.getAsDouble() / plainCost.getAsDouble();
		return new Claim(statement, plainCost.getAsDouble() > 0 && factor >= TLS_HANDSHAKE_FACTOR,
				format(Locale.ROOT,
						"a new connection adds %.0f µs of app CPU per request over TLS, %.0f µs plain (%.1f×); "
								+ "with a new connection each, %.0f req/s over TLS against %.0f plain",
						tlsCost.getAsDouble(), plainCost.getAsDouble(), factor,
						tls.row(KeepAliveSimulation.NEW_CONNECTION).map(RequestStats::throughput).orElse(0.0),
						plain.get().row(KeepAliveSimulation.NEW_CONNECTION).map(RequestStats::throughput).orElse(0.0)));
	}

	@Override
	public List<Table> tables(ComparisonResults results, List<Scenario> scenarios) {
		return List.of(ProtocolsTable.of(results, scenarios, this,
				(run, phase) -> phase.equals(KeepAliveSimulation.NEW_CONNECTION) ? connectionCpuMicros(run)
						: OptionalDouble.empty()));
	}

}
