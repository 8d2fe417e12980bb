package dev.stackbench.gatling.simulation;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.gatling.core.Predef$;
import io.gatling.core.config.GatlingConfiguration$;
import io.gatling.javaapi.core.Simulation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every simulation's load: its components, in the order the comparison writes them, and
 * its defaults, written once in the simulation.
 */
class SimulationLoadsTests {

	private static final Map<Class<? extends Simulation>, String> COMPONENTS = new LinkedHashMap<>();

	static {
		COMPONENTS.put(ThroughputSimulation.class,
				"String path, List<Integer> users, int stepSeconds, int maxP95Millis, double maxFailedPercent, "
						+ "String probePath");
		COMPONENTS.put(SlowEndpointSimulation.class,
				"double rate, int delay, int durationSeconds, int maxQueueMillis, double maxFailedPercent");
		COMPONENTS.put(KeepAliveSimulation.class,
				"String path, int users, int phaseSeconds, int maxP95Millis, double maxFailedPercent, String phase");
		COMPONENTS.put(MultiplexingSimulation.class,
				"List<String> paths, int users, int phaseSeconds, int maxP95Millis, String phase");
		COMPONENTS.put(ConnectionFloodSimulation.class,
				"int connections, int rampSeconds, int delay, int maxQueueMillis, int patienceSeconds");
		COMPONENTS.put(IdleConnectionsSimulation.class, "int connections, int rampSeconds, int holdSeconds, "
				+ "int probeSeconds, double probesPerSecond, int maxProbeMillis");
		COMPONENTS.put(OverloadSimulation.class,
				"int work, double baseRate, double peakRate, int baselineSeconds, int rampSeconds, int holdSeconds, "
						+ "int recoverySeconds, int windowSeconds, double maxFailedPercent, int maxRecoveredP95Millis");
		COMPONENTS.put(SoakSimulation.class,
				"double rate, int durationSeconds, int maxP99Millis, double maxFailedPercent");
		COMPONENTS.put(OpenRateSimulation.class, "String path, double rate, int durationSeconds, int sloMillis");
		COMPONENTS.put(PairedRateSimulation.class,
				"String path, double rate, int durationSeconds, int timeoutMillis, String bareBaseUrl");
		COMPONENTS.put(DatabaseSimulation.class,
				"String path, int users, int closedSeconds, double rate, int openSeconds");
		COMPONENTS.put(FailoverSimulation.class, "String path, double rate, double writeRate, int durationSeconds, "
				+ "double maxFailedPercent, String phase");
		COMPONENTS.put(SmokeSimulation.class, "int rounds");
		COMPONENTS.put(StreamSimulation.class, "int subscribers, int rampSeconds, int events, int intervalMillis, "
				+ "int maxLateMillis, double maxFailedPercent");
	}

	/**
	 * What Gatling does before it instantiates a simulation: the DSL reads its
	 * configuration.
	 */
	@BeforeAll
	static void configureGatling() {
		Predef$.MODULE$._configuration_$eq(GatlingConfiguration$.MODULE$.load());
	}

	@AfterEach
	void clearProperties() {
		System.clearProperty(SimulationLoad.PROPERTY);
	}

	@Test
	void everySimulationHasItsLoadWithItsDefaults() throws ReflectiveOperationException {
		for (Map.Entry<Class<? extends Simulation>, String> simulation : COMPONENTS.entrySet()) {
			Class<?> load = Class.forName(simulation.getKey().getName() + "$Load");
			assertThat(Arrays.stream(load.getRecordComponents()).map(SimulationLoadsTests::declaration).toList())
				.as(load.getName())
				.containsExactly(simulation.getValue().split(", "));
			assertThat(simulation.getKey().getField("DEFAULTS").get(null)).as("%s.DEFAULTS", load.getName())
				.isInstanceOf(load);
		}
	}

	@Test
	void theDefaultsAreThoseTheSimulationsHadBefore() {
		assertThat(SimulationLoad.toJson(ThroughputSimulation.DEFAULTS))
			.isEqualTo("{\"path\":\"/api/hello\",\"users\":[1,8,32,128,512],\"stepSeconds\":10,"
					+ "\"maxP95Millis\":2000,\"maxFailedPercent\":0.0,\"probePath\":\"\"}");
		assertThat(SlowEndpointSimulation.DEFAULTS).isEqualTo(new SlowEndpointSimulation.Load(100, 500, 20, 1000, 0));
		assertThat(KeepAliveSimulation.DEFAULTS)
			.isEqualTo(new KeepAliveSimulation.Load("/api/hello", 16, 10, 2000, 0, ""));
		assertThat(MultiplexingSimulation.DEFAULTS)
			.isEqualTo(new MultiplexingSimulation.Load(List.of("/api/hello", "/api/slow?delay=100"), 200, 8, 2000, ""));
		assertThat(ConnectionFloodSimulation.DEFAULTS)
			.isEqualTo(new ConnectionFloodSimulation.Load(4000, 10, 10000, 5000, 30));
		assertThat(IdleConnectionsSimulation.DEFAULTS)
			.isEqualTo(new IdleConnectionsSimulation.Load(10000, 20, 20, 12, 5, 5000));
		assertThat(OverloadSimulation.DEFAULTS)
			.isEqualTo(new OverloadSimulation.Load(20000, 50, 1500, 10, 10, 10, 30, 5, 5, 1000));
		assertThat(SoakSimulation.DEFAULTS).isEqualTo(new SoakSimulation.Load(200, 600, 2000, 0));
		assertThat(OpenRateSimulation.DEFAULTS).isEqualTo(new OpenRateSimulation.Load("/api/hello", 1000, 10, 25));
		assertThat(DatabaseSimulation.DEFAULTS)
			.isEqualTo(new DatabaseSimulation.Load("/api/db/query?delay=10", 1000, 15, 1200, 8));
		assertThat(FailoverSimulation.DEFAULTS)
			.isEqualTo(new FailoverSimulation.Load("/api/slow?delay=200", 100, 100, 45, 1, FailoverSimulation.CRASH));
		assertThat(SmokeSimulation.DEFAULTS).isEqualTo(new SmokeSimulation.Load(3));
	}

	@Test
	void aPhaseThatIsNullIsEveryPhase() {
		assertThat(new KeepAliveSimulation.Load("/", 1, 1, 1, 0, null).phase()).isEmpty();
		assertThat(new MultiplexingSimulation.Load(List.of("/"), 1, 1, 1, null).phase()).isEmpty();
		assertThat(new FailoverSimulation.Load("/", 1, 1, 1, 0, null).phase()).isEmpty();
	}

	@Test
	void everySimulationBuildsFromItsLoadWithoutAServer() throws ReflectiveOperationException {
		for (Class<? extends Simulation> simulation : COMPONENTS.keySet()) {
			assertThat(simulation.getDeclaredConstructor().newInstance()).isNotNull();
		}
		System.setProperty(SimulationLoad.PROPERTY, "{\"phase\":\"keep-alive\",\"users\":4}");
		new KeepAliveSimulation();
		assertThat(SimulationLoad.lastRead())
			.isEqualTo(new KeepAliveSimulation.Load("/api/hello", 4, 10, 2000, 0, "keep-alive"));
	}

	private static String declaration(RecordComponent component) {
		return component.getGenericType().getTypeName().replace("java.util.", "").replace("java.lang.", "") + " "
				+ component.getName();
	}

}
