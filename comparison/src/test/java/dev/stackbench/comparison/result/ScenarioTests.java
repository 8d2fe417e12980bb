package dev.stackbench.comparison.result;

import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.scenario.Capacity;
import dev.stackbench.comparison.scenario.ScenarioTypes;
import dev.stackbench.gatling.simulation.OpenRateSimulation;
import dev.stackbench.gatling.simulation.ThroughputSimulation;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScenarioTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void onlyAScenarioOnTheDownstreamPageMakesTheComparisonStartADownstreamService() {
		assertThat(Preset.STANDARD.scenarios()).filteredOn(Scenario::callsDownstream)
			.extracting(Scenario::id)
			.containsExactly("downstream");
		assertThat(Preset.QUICK.scenarios()).noneMatch(Scenario::callsDownstream);
		Scenario hello = new Scenario("x", ScenarioTypes.of("concurrency-steps"),
				new ThroughputSimulation.Load("/api/hello", List.of(1), 1, 1, 0, ""));
		assertThat(hello.callsDownstream()).isFalse();
		assertThat(hello.with(Map.of("path", "/api/downstream?calls=2")).callsDownstream()).isTrue();
	}

	@Test
	void theStandardPresetRunsCgiProgramsWithinTheProcessBound() {
		ThroughputSimulation.Load cgi = (ThroughputSimulation.Load) Preset.STANDARD.scenario("cgi").load();
		assertThat(cgi.path()).startsWith("/api/cgi/slow.cgi?delay=");
		// The apps run at most 256 programs at once (stackbench.cgi.max-processes); past
		// it they answer 503.
		assertThat(cgi.users()).allMatch((users) -> users <= 256);
	}

	@Test
	void aPresetEntryGivesWhatDiffersFromItsTypesDefaults() {
		Scenario slow = Preset.STANDARD.scenario("slow-rate");
		assertThat(slow.parameters()).containsEntry("rate", "300")
			.containsEntry("delay", "1000")
			.as("left to the simulation's default")
			.containsEntry("maxFailedPercent", "0");
		assertThat(Preset.STANDARD.scenario("tls-keep-alive").load())
			.isEqualTo(Preset.STANDARD.scenario("keep-alive").load());
		assertThat(Preset.STANDARD.scenario("tls-keep-alive").transport()).isEqualTo(Scenario.Transport.TLS);
		assertThat(Preset.STANDARD.scenario("keep-alive").transport()).isEqualTo(Scenario.Transport.PLAIN);
	}

	@Test
	void anOverrideMustNameAParameterAndGiveAValueOfItsType() {
		Scenario throughput = Preset.STANDARD.scenario("throughput");
		assertThat(throughput.with(Map.of("users", "2, 4", "stepSeconds", "3")).load())
			.isEqualTo(new ThroughputSimulation.Load("/api/hello", List.of(2, 4), 3, 2000, 0, ""));
		assertThatIllegalArgumentException().isThrownBy(() -> throughput.with(Map.of("userz", "8")))
			.withMessageContaining("scenario throughput")
			.withMessageContaining("unknown parameter [userz]")
			.withMessageContaining("users");
		assertThatIllegalArgumentException().isThrownBy(() -> throughput.with(Map.of("stepSeconds", "five")))
			.withMessageContaining("stepSeconds=five is not a");
		assertThat(Preset.STANDARD.scenario("h2").with(Map.of("users", "100")).transport())
			.as("an override keeps the transport")
			.isEqualTo(Scenario.Transport.TLS);
	}

	@Test
	void aScenarioIsWrittenWithItsTypesNameAndReadBack() {
		Scenario db = Preset.STANDARD.scenario("db");
		String json = JSON.writeValueAsString(db);
		assertThat(json).contains("\"type\":\"database\"").contains("\"users\":1000");
		assertThat(JSON.readValue(json, Scenario.class)).isEqualTo(db);
	}

	@Test
	void aScenarioOfTheSchemaBeforeTypesReadsAsItsType() {
		String before = """
				{"id":"concurrent-slow","kind":"CONCURRENT_WAIT","transport":"PLAIN",
				 "load":{"simulation":"Steps","path":"/api/slow?delay=500","users":[1000],"stepSeconds":10,
				         "maxP95Millis":5000,"maxFailedPercent":0.0,"probePath":""}}""";
		Scenario read = JSON.readValue(before, Scenario.class);
		assertThat(read.type()).isSameAs(ScenarioTypes.of("concurrent-wait"));
		assertThat(read.load())
			.isEqualTo(new ThroughputSimulation.Load("/api/slow?delay=500", List.of(1000), 10, 5000, 0, ""));
	}

	@Test
	void aCapacitySearchStepsUpGeometrically() {
		Capacity.Load capacity = new Capacity.Load("/api/hello", 25, 5, 1000, 1.5, 10);
		assertThat(List.of(capacity.rate(0), capacity.rate(1), capacity.rate(2), capacity.rate(3)))
			.containsExactly(1000.0, 1500.0, 2250.0, 3375.0);
		assertThat(capacity.step(2)).isEqualTo(new OpenRateSimulation.Load("/api/hello", 2250, 5, 25));
		assertThat(Preset.QUICK.scenario("capacity").load()).isInstanceOf(Capacity.Load.class);
		assertThat(Preset.STANDARD.scenarios()).extracting(Scenario::id).contains("capacity", "capacity-slow");
	}

}
