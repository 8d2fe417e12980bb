package dev.stackbench.gatling.simulation;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SimulationLoadTests {

	private static final ThroughputSimulation.Load STEPS = new ThroughputSimulation.Load("/api/slow?delay=500",
			List.of(1, 8, 64), 5, 2_000, 0.5, "/api/hello");

	@AfterEach
	void clearProperties() {
		List.of(SimulationLoad.PROPERTY, "users", "stepSeconds", "rate", "delay").forEach(System::clearProperty);
	}

	@Test
	void aLoadIsOneJsonObjectByComponentNameAndBack() {
		String json = SimulationLoad.toJson(STEPS);
		assertThat(json).isEqualTo("{\"path\":\"/api/slow?delay=500\",\"users\":[1,8,64],\"stepSeconds\":5,"
				+ "\"maxP95Millis\":2000,\"maxFailedPercent\":0.5,\"probePath\":\"/api/hello\"}");
		assertThat(SimulationLoad.fromJson(json, ThroughputSimulation.Load.class, ThroughputSimulation.DEFAULTS))
			.isEqualTo(STEPS);
		MultiplexingSimulation.Load h2 = MultiplexingSimulation.DEFAULTS;
		assertThat(SimulationLoad.fromJson(SimulationLoad.toJson(h2), MultiplexingSimulation.Load.class,
				new MultiplexingSimulation.Load(List.of("/"), 1, 1, 1, "HTTP/2 /")))
			.isEqualTo(h2);
	}

	@Test
	void partialJsonKeepsTheDefaultsOfWhatItDoesNotName() {
		ThroughputSimulation.Load load = SimulationLoad.fromJson("{\"users\":[1,8],\"stepSeconds\":4}",
				ThroughputSimulation.Load.class, STEPS);
		assertThat(load).isEqualTo(
				new ThroughputSimulation.Load("/api/slow?delay=500", List.of(1, 8), 4, 2_000, 0.5, "/api/hello"));
		assertThat(SimulationLoad.fromJson("{}", ThroughputSimulation.Load.class, STEPS)).isEqualTo(STEPS);
		assertThat(SimulationLoad.fromJson(" {\"phase\": \"keep-alive\"} ", KeepAliveSimulation.Load.class,
				KeepAliveSimulation.DEFAULTS))
			.isEqualTo(new KeepAliveSimulation.Load("/api/hello", 16, 10, 2_000, 0.0, "keep-alive"));
	}

	@Test
	void aJsonMemberMayBeWrittenAsText() {
		assertThat(SimulationLoad.fromJson("{\"users\":\"2, 4\",\"maxFailedPercent\":\"1.5\",\"stepSeconds\":\"3\"}",
				ThroughputSimulation.Load.class, STEPS))
			.isEqualTo(
					new ThroughputSimulation.Load("/api/slow?delay=500", List.of(2, 4), 3, 2_000, 1.5, "/api/hello"));
		assertThat(SimulationLoad.fromJson("{\"users\":16}", ThroughputSimulation.Load.class, STEPS).users())
			.as("a single value for a list")
			.containsExactly(16);
	}

	@Test
	void overridesAreTextByComponentName() {
		assertThat(SimulationLoad.withOverrides(STEPS,
				Map.of("users", "2, 4", "stepSeconds", " 3 ", "maxFailedPercent", "0.25", "path", "/api/json")))
			.isEqualTo(new ThroughputSimulation.Load("/api/json", List.of(2, 4), 3, 2_000, 0.25, "/api/hello"));
		assertThat(SimulationLoad.withOverrides(MultiplexingSimulation.DEFAULTS,
				Map.of("paths", "/api/slow?delay=50, /api/hello")))
			.isEqualTo(new MultiplexingSimulation.Load(List.of("/api/slow?delay=50", "/api/hello"), 200, 8, 2_000, ""));
		assertThat(SimulationLoad.withOverrides(STEPS, Map.of())).isSameAs(STEPS);
	}

	/** A switch of a load, such as an A/A run's, set by -Dset. */
	record Switched(int pairs, boolean aa) {
	}

	@Test
	void aSwitchIsTrueOrFalseAndNothingElse() {
		Switched off = new Switched(2, false);
		assertThat(SimulationLoad.withOverrides(off, Map.of("aa", "true"))).isEqualTo(new Switched(2, true));
		assertThat(SimulationLoad.withOverrides(new Switched(2, true), Map.of("aa", " false "))).isEqualTo(off);
		assertThatIllegalArgumentException().isThrownBy(() -> SimulationLoad.withOverrides(off, Map.of("aa", "yes")))
			.withMessage("parameter aa=yes is not true or false");
	}

	@Test
	void anUnknownNameIsRefusedWithTheNamesTheLoadHas() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(STEPS, Map.of("userz", "8", "users", "8")))
			.withMessage("unknown parameter [userz] of ThroughputSimulation.Load; it has "
					+ "[path, users, stepSeconds, maxP95Millis, maxFailedPercent, probePath]");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> SimulationLoad.fromJson("{\"rate\":1,\"users\":[1]}", ThroughputSimulation.Load.class, STEPS))
			.withMessageStartingWith("unknown parameter [rate] of ThroughputSimulation.Load; it has [path, users,");
	}

	@Test
	void aValueOfTheWrongTypeIsRefusedNamingTheParameter() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(STEPS, Map.of("stepSeconds", "five")))
			.withMessage("parameter stepSeconds=five is not a int");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(STEPS, Map.of("maxFailedPercent", "half")))
			.withMessage("parameter maxFailedPercent=half is not a double");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(STEPS, Map.of("users", "1,eight")))
			.withMessage("parameter users=1,eight is not a comma-separated list of whole numbers");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("{\"stepSeconds\":1.5}", ThroughputSimulation.Load.class, STEPS))
			.withMessage("parameter stepSeconds=1.5 is not a int");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("{\"users\":[1,\"x\"]}", ThroughputSimulation.Load.class, STEPS))
			.withMessageStartingWith("parameter users=[1,\"x\"] is not a comma-separated list of whole numbers");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("{\"path\":null}", ThroughputSimulation.Load.class, STEPS))
			.withMessage("parameter path is null; leave it out to keep the default");
	}

	@Test
	void textThatIsNoJsonObjectIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("users=8", ThroughputSimulation.Load.class, STEPS))
			.withMessageStartingWith("load users=8 of ThroughputSimulation.Load is not JSON");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("[8]", ThroughputSimulation.Load.class, STEPS))
			.withMessage("load [8] of ThroughputSimulation.Load is not a JSON object of its parameters, "
					+ "such as {\"path\": ...}");
	}

	@Test
	void aLoadTheRecordRefusesIsRefusedWithItsMessage() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(OverloadSimulation.DEFAULTS, Map.of("windowSeconds", "0")))
			.withMessage("the recovery (PT30S) must hold at least one window of PT0S");
		assertThatIllegalArgumentException().isThrownBy(
				() -> SimulationLoad.fromJson("{\"events\":0}", StreamSimulation.Load.class, StreamSimulation.DEFAULTS))
			.withMessage("events must be 1 to 1000 (what /api/stream serves), not 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.fromJson("{\"recoverySeconds\":4}", OverloadSimulation.Load.class,
					OverloadSimulation.DEFAULTS))
			.withMessage("the recovery (PT4S) must hold at least one window of PT5S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(new Checked(1), Map.of("value", "-1")))
			.withMessage("value must be positive, not -1")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	@Test
	void everyComponentHasATextForm() {
		assertThat(SimulationLoad.asText(STEPS)).containsExactly(Map.entry("path", "/api/slow?delay=500"),
				Map.entry("users", "1,8,64"), Map.entry("stepSeconds", "5"), Map.entry("maxP95Millis", "2000"),
				Map.entry("maxFailedPercent", "0.5"), Map.entry("probePath", "/api/hello"));
		assertThat(SimulationLoad.asText(SlowEndpointSimulation.DEFAULTS)).containsEntry("rate", "100")
			.containsEntry("maxFailedPercent", "0");
		assertThat(SimulationLoad.withOverrides(ThroughputSimulation.DEFAULTS, SimulationLoad.asText(STEPS)))
			.as("read back")
			.isEqualTo(STEPS);
	}

	@Test
	void aSimulationReadsItsLoadFromOnePropertyOrElseFromPropertiesByName() {
		assertThat(SimulationLoad.read(SlowEndpointSimulation.Load.class, SlowEndpointSimulation.DEFAULTS))
			.isEqualTo(SlowEndpointSimulation.DEFAULTS);
		System.setProperty("delay", "1000");
		System.setProperty("users", "not a component of this load");
		assertThat(SimulationLoad.read(SlowEndpointSimulation.Load.class, SlowEndpointSimulation.DEFAULTS))
			.as("by name, as ./mvnw -Psimulate -Ddelay=1000 gives it")
			.isEqualTo(new SlowEndpointSimulation.Load(100, 1000, 20, 1_000, 0.0));
		System.setProperty(SimulationLoad.PROPERTY, "{\"rate\":300,\"durationSeconds\":15}");
		SlowEndpointSimulation.Load load = SimulationLoad.read(SlowEndpointSimulation.Load.class,
				SlowEndpointSimulation.DEFAULTS);
		assertThat(load).as("the whole load given, as the comparison gives it: a stray -Ddelay changes nothing")
			.isEqualTo(new SlowEndpointSimulation.Load(300, 500, 15, 1_000, 0.0));
		assertThat(SimulationLoad.lastRead()).isSameAs(load);
	}

	@Test
	void aLoadPassedOnByTheGatlingMavenPluginIsReadAsItWasGiven() {
		System.setProperty(SimulationLoad.PROPERTY, "{\\\"rate\\\":300,\\\"durationSeconds\\\":15}");
		assertThat(SimulationLoad.read(SlowEndpointSimulation.Load.class, SlowEndpointSimulation.DEFAULTS))
			.isEqualTo(new SlowEndpointSimulation.Load(300, 500, 15, 1_000, 0.0));
		assertThat(SimulationLoad.undoForkEscaping("{\\\"paths\\\": [\\\"/caf\\u00e9\\\", \\\"/a\\\\\\\\b\\\"]}"))
			.isEqualTo("{\"paths\": [\"/caf\u00e9\", \"/a\\\\b\"]}");
		assertThat(SimulationLoad.undoForkEscaping("it\\'s\\n\\u12 \\")).isEqualTo("it's\n\\u12 \\");
	}

	private record Checked(int value) {

		Checked {
			if (value <= 0) {
				throw new IllegalStateException("value must be positive, not " + value);
			}
		}

	}

}
