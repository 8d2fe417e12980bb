package dev.stackbench.comparison.result;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.stackbench.gatling.simulation.ConnectionFloodSimulation;
import dev.stackbench.gatling.simulation.DatabaseSimulation;
import dev.stackbench.gatling.simulation.FailoverSimulation;
import dev.stackbench.gatling.simulation.IdleConnectionsSimulation;
import dev.stackbench.gatling.simulation.KeepAliveSimulation;
import dev.stackbench.gatling.simulation.MultiplexingSimulation;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import dev.stackbench.gatling.simulation.OverloadSimulation;
import dev.stackbench.gatling.simulation.SlowEndpointSimulation;
import dev.stackbench.gatling.simulation.SmokeSimulation;
import dev.stackbench.gatling.simulation.SoakSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import dev.stackbench.workload.db.DbQuery;
import io.gatling.javaapi.core.Simulation;

/**
 * The load of one scenario, as the typed parameters of the simulation that applies it.
 * Each record's component names are the simulation's system properties
 * ({@link #systemProperties()}), so the comparison and {@code ./mvnw -Psimulate} speak
 * the same names, and a {@code -Dset} override names a component ({@link #with}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "simulation")
@JsonSubTypes({ @JsonSubTypes.Type(LoadShape.Smoke.class), @JsonSubTypes.Type(LoadShape.Steps.class),
		@JsonSubTypes.Type(LoadShape.ArrivalRate.class), @JsonSubTypes.Type(LoadShape.KeepAlive.class),
		@JsonSubTypes.Type(LoadShape.ConnectionFlood.class), @JsonSubTypes.Type(LoadShape.Overload.class),
		@JsonSubTypes.Type(LoadShape.Soak.class), @JsonSubTypes.Type(LoadShape.OpenRate.class),
		@JsonSubTypes.Type(LoadShape.Capacity.class), @JsonSubTypes.Type(LoadShape.IdleConnections.class),
		@JsonSubTypes.Type(LoadShape.Database.class), @JsonSubTypes.Type(LoadShape.Multiplexing.class),
		@JsonSubTypes.Type(LoadShape.Failover.class) })
public sealed interface LoadShape {

	/** The Gatling simulation that applies this load, as its record names it. */
	default Class<? extends Simulation> simulation() {
		return getClass().getAnnotation(RunBy.class).value();
	}

	/** The simulation's system properties: one per record component. */
	default Map<String, String> systemProperties() {
		return RecordProperties.of((Record) this);
	}

	/** The same load with some components replaced, given as text on the command line. */
	default LoadShape with(Map<String, String> overrides) {
		return (LoadShape) RecordProperties.with((Record) this, overrides);
	}

	/**
	 * A page's {@code delay} query parameter in milliseconds, with the apps' own default
	 * (100), read as the apps read it.
	 */
	static long delayMillis(String path) {
		return SlowPage.of(Query.parse(URI.create(path).getRawQuery())).delay();
	}

	/**
	 * The simulation that applies a load shape: one line on each record, read by
	 * {@link #simulation()}.
	 */
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@interface RunBy {

		Class<? extends Simulation> value();

	}

	/**
	 * A load on one page; the page's {@code delay}, where it has one, is read as the apps
	 * read it.
	 */
	sealed interface OnePage extends LoadShape {

		String path();

		/**
		 * The page's {@code delay} query parameter in milliseconds, with the apps' own
		 * default (100).
		 */
		default long delayMillis() {
			return LoadShape.delayMillis(path());
		}

	}

	/**
	 * A load of several phases in a row that the comparison runs one Gatling run each
	 * ({@code phase} names the one to run, empty for all), so that the app's connections
	 * and CPU are read per phase.
	 */
	sealed interface Phased extends LoadShape {

		/** The phases' names, in order; each is also its requests' row. */
		List<String> phases();

		/** The same load with only the named phase. */
		LoadShape onlyPhase(String phase);

	}

	/** Every endpoint once per round, bodies checked. */
	@RunBy(SmokeSimulation.class)
	record Smoke(int rounds) implements LoadShape {
	}

	/**
	 * A closed model stepping concurrency up ({@link ThroughputSimulation}).
	 *
	 * @param probePath a page one more user asks for every 10 ms meanwhile, or empty for
	 * none
	 */
	@RunBy(ThroughputSimulation.class)
	record Steps(String path, List<Integer> users, int stepSeconds, int maxP95Millis, double maxFailedPercent,
			String probePath) implements OnePage {

		public Steps(String path, List<Integer> users, int stepSeconds, int maxP95Millis) {
			this(path, users, stepSeconds, maxP95Millis, 0, "");
		}

	}

	/**
	 * A constant arrival rate on {@code /api/slow?delay=}
	 * ({@link SlowEndpointSimulation}).
	 */
	@RunBy(SlowEndpointSimulation.class)
	record ArrivalRate(double rate, int delay, int durationSeconds, int maxQueueMillis) implements LoadShape {
	}

	/**
	 * The same closed load over keep-alive, then with a new connection per request.
	 *
	 * @param phase the phase to run, or empty for both
	 */
	@RunBy(KeepAliveSimulation.class)
	record KeepAlive(String path, int users, int phaseSeconds, int maxP95Millis,
			String phase) implements OnePage, Phased {

		/** Recorded before phases had names: both. */
		public KeepAlive {
			phase = (phase != null) ? phase : "";
		}

		public KeepAlive(String path, int users, int phaseSeconds, int maxP95Millis) {
			this(path, users, phaseSeconds, maxP95Millis, "");
		}

		@Override
		public List<String> phases() {
			return List.of(KeepAliveSimulation.KEEP_ALIVE, KeepAliveSimulation.NEW_CONNECTION);
		}

		@Override
		public KeepAlive onlyPhase(String phase) {
			return new KeepAlive(this.path, this.users, this.phaseSeconds, this.maxP95Millis, phase);
		}

	}

	/**
	 * The same closed load on each page over HTTP/1.1 with keep-alive, then over HTTP/2
	 * ({@link MultiplexingSimulation}).
	 *
	 * @param phase the phase to run ({@link MultiplexingSimulation#phaseName}), or empty
	 * for all
	 */
	@RunBy(MultiplexingSimulation.class)
	record Multiplexing(List<String> paths, int users, int phaseSeconds, int maxP95Millis,
			String phase) implements Phased {

		public Multiplexing {
			phase = (phase != null) ? phase : "";
		}

		@Override
		public List<String> phases() {
			return this.paths.stream()
				.flatMap((path) -> Stream.of(MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP1, path),
						MultiplexingSimulation.phaseName(MultiplexingSimulation.HTTP2, path)))
				.toList();
		}

		@Override
		public Multiplexing onlyPhase(String phase) {
			return new Multiplexing(this.paths, this.users, this.phaseSeconds, this.maxP95Millis, phase);
		}

	}

	/** Thousands of connections, each holding a slow request. */
	@RunBy(ConnectionFloodSimulation.class)
	record ConnectionFlood(int connections, int rampSeconds, int delay, int patienceSeconds) implements LoadShape {
	}

	/**
	 * Thousands of keep-alive connections, each idle after one request, while a probe
	 * opens new ones.
	 */
	@RunBy(IdleConnectionsSimulation.class)
	record IdleConnections(int connections, int rampSeconds, int holdSeconds, int probeSeconds, double probesPerSecond,
			int maxProbeMillis) implements LoadShape {
	}

	/** CPU-bound requests at a base rate, ramped past capacity, held, dropped back. */
	@RunBy(OverloadSimulation.class)
	record Overload(int work, double baseRate, double peakRate, int baselineSeconds, int rampSeconds, int holdSeconds,
			int recoverySeconds, int windowSeconds) implements LoadShape {
	}

	/** A long mixed load at a steady rate. */
	@RunBy(SoakSimulation.class)
	record Soak(double rate, int durationSeconds) implements LoadShape {
	}

	/**
	 * One open-model step: {@code rate} new requests a second on one page for
	 * {@code durationSeconds}.
	 */
	@RunBy(OpenRateSimulation.class)
	record OpenRate(String path, double rate, int durationSeconds, int sloMillis) implements OnePage {
	}

	/**
	 * An open model stepped up geometrically past saturation, one {@link OpenRate} run
	 * per step: the highest offered rate whose step held the SLO is the stack's capacity.
	 *
	 * @param sloMillis the p99 a step must stay within to hold
	 * @param firstRate the first step's offered rate, requests a second
	 * @param growth each step's rate over the one before
	 * @param maxSteps the most steps a stack is given, whatever happens
	 */
	@RunBy(OpenRateSimulation.class)
	record Capacity(String path, int sloMillis, int stepSeconds, double firstRate, double growth,
			int maxSteps) implements OnePage {

		/**
		 * The offered rate of step {@code index} (0 for the first), rounded to whole
		 * requests a second.
		 */
		public double rate(int index) {
			return Math.round(this.firstRate * Math.pow(this.growth, index));
		}

		public OpenRate step(int index) {
			return new OpenRate(this.path, rate(index), this.stepSeconds, this.sloMillis);
		}

	}

	/**
	 * The connection pool as the bottleneck ({@link DatabaseSimulation}): a closed model
	 * of {@code users} on a query that waits in the database, then an open model of
	 * {@code rate} arrivals a second past the pool's bound.
	 */
	@RunBy(DatabaseSimulation.class)
	record Database(String path, int users, int closedSeconds, double rate, int openSeconds) implements OnePage {

		/** The query's wait in the database, with the apps' own default (10 ms). */
		@Override
		public long delayMillis() {
			return DbQuery.of(Query.parse(URI.create(path()).getRawQuery())).delay();
		}

	}

	/**
	 * Steady arrivals through the load balancer while one replica is stopped at
	 * {@code stopAtSeconds} and started again at {@code restartAtSeconds} (both counted
	 * from the first request), once with SIGKILL and once with SIGTERM, a Gatling run
	 * each ({@link FailoverSimulation}).
	 *
	 * @param rate reads a second, of {@code path}
	 * @param writeRate writes a second, which the balancer does not send twice
	 * @param phase the signal of the phase to run, or empty for both
	 */
	@RunBy(FailoverSimulation.class)
	record Failover(String path, double rate, double writeRate, int durationSeconds, int stopAtSeconds,
			int restartAtSeconds, String phase) implements OnePage, Phased {

		public Failover {
			phase = (phase != null) ? phase : "";
			if (!(0 < stopAtSeconds && stopAtSeconds < restartAtSeconds && restartAtSeconds < durationSeconds)) {
				throw new IllegalArgumentException("failover needs 0 < stopAtSeconds < restartAtSeconds < "
						+ "durationSeconds, not " + stopAtSeconds + ", " + restartAtSeconds + ", " + durationSeconds);
			}
		}

		@Override
		public List<String> phases() {
			return FailoverSimulation.PHASES;
		}

		@Override
		public Failover onlyPhase(String phase) {
			return new Failover(this.path, this.rate, this.writeRate, this.durationSeconds, this.stopAtSeconds,
					this.restartAtSeconds, phase);
		}

		/**
		 * Whether the phase stops its replica gracefully (SIGTERM) rather than killing
		 * it.
		 */
		public static boolean graceful(String phase) {
			return FailoverSimulation.GRACEFUL.equals(phase);
		}

	}

}
