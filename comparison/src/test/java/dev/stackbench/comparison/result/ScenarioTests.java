package dev.stackbench.comparison.result;

import java.util.ArrayDeque;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ScenarioTests {

	@Test
	void onlyAScenarioOnTheDownstreamPageMakesTheComparisonStartADownstreamService() {
		assertThat(Preset.STANDARD.scenarios()).filteredOn(Scenario::callsDownstream)
			.extracting(Scenario::id)
			.containsExactly("downstream");
		assertThat(Preset.QUICK.scenarios()).noneMatch(Scenario::callsDownstream);
		Scenario hello = new Scenario("x", Scenario.Kind.CONCURRENCY_STEPS,
				new LoadShape.Steps("/api/hello", List.of(1), 1, 1));
		assertThat(hello.callsDownstream()).isFalse();
		assertThat(hello.with(Map.of("path", "/api/downstream?calls=2")).callsDownstream()).isTrue();
	}

	@Test
	void theStandardPresetRunsCgiProgramsWithinTheProcessBound() {
		LoadShape.Steps cgi = (LoadShape.Steps) Preset.STANDARD.scenario("cgi").load();
		assertThat(cgi.path()).startsWith("/api/cgi/slow.cgi?delay=");
		// The apps run at most 256 programs at once (stackbench.cgi.max-processes); past
		// it they answer 503.
		assertThat(cgi.users()).allMatch((users) -> users <= 256);
	}

	@Test
	void aLoadBecomesItsSimulationsSystemPropertiesAndBack() {
		LoadShape.Steps steps = new LoadShape.Steps("/api/slow?delay=500", List.of(1, 8, 64), 5, 2000, 0.5, "");
		assertThat(steps.systemProperties()).containsExactly(Map.entry("path", "/api/slow?delay=500"),
				Map.entry("users", "1,8,64"), Map.entry("stepSeconds", "5"), Map.entry("maxP95Millis", "2000"),
				Map.entry("maxFailedPercent", "0.5"), Map.entry("probePath", ""));
		assertThat(steps.with(Map.of("users", "2, 4", "stepSeconds", "3")))
			.isEqualTo(new LoadShape.Steps("/api/slow?delay=500", List.of(2, 4), 3, 2000, 0.5, ""));
		assertThat(new LoadShape.ArrivalRate(300, 1000, 15, 1000).systemProperties()).containsEntry("rate", "300");
	}

	@Test
	void aPhasedLoadRunsOnePhaseAtATimeUnderItsRowsName() {
		Scenario h2 = Preset.STANDARD.scenario("h2");
		assertThat(h2.transport()).isEqualTo(Scenario.Transport.TLS);
		LoadShape.Multiplexing load = (LoadShape.Multiplexing) h2.load();
		assertThat(load.phases()).containsExactly("HTTP/1.1 keep-alive /api/hello", "HTTP/2 /api/hello",
				"HTTP/1.1 keep-alive /api/slow?delay=100", "HTTP/2 /api/slow?delay=100");
		assertThat(load.onlyPhase("HTTP/2 /api/hello").systemProperties())
			.containsEntry("paths", "/api/hello,/api/slow?delay=100")
			.containsEntry("phase", "HTTP/2 /api/hello");
		assertThat(h2.with(Map.of("paths", "/api/slow?delay=50, /api/hello")).load())
			.isEqualTo(new LoadShape.Multiplexing(List.of("/api/slow?delay=50", "/api/hello"), 200, 8, 2000, ""));
		assertThat(h2.with(Map.of("users", "100")).transport()).as("an override keeps the transport")
			.isEqualTo(Scenario.Transport.TLS);
		assertThat(Preset.STANDARD.scenario("tls-keep-alive").load())
			.isEqualTo(Preset.STANDARD.scenario("keep-alive").load());
		assertThat(Preset.STANDARD.scenario("keep-alive").transport()).isEqualTo(Scenario.Transport.PLAIN);
		assertThat(((LoadShape.KeepAlive) Preset.STANDARD.scenario("keep-alive").load()).phases())
			.containsExactly("keep-alive", "new connection per request");
	}

	@Test
	void anOverrideMustNameAParameterAndGiveAValueOfItsType() {
		Scenario throughput = Preset.QUICK.scenario("throughput");
		assertThatIllegalArgumentException().isThrownBy(() -> throughput.with(Map.of("userz", "8")))
			.withMessageContaining("scenario throughput")
			.withMessageContaining("unknown parameter [userz]")
			.withMessageContaining("users");
		assertThatIllegalArgumentException().isThrownBy(() -> throughput.with(Map.of("stepSeconds", "five")))
			.withMessageContaining("stepSeconds=five is not a int");
	}

	@Test
	void everyLoadShapeNamesTheSimulationThatAppliesIt() {
		ArrayDeque<Class<?>> shapes = new ArrayDeque<>(List.of(LoadShape.class.getPermittedSubclasses()));
		Set<Class<?>> records = new HashSet<>();
		while (!shapes.isEmpty()) {
			Class<?> shape = shapes.pop();
			if (shape.isInterface()) {
				shapes.addAll(List.of(shape.getPermittedSubclasses()));
				continue;
			}
			assertThat(shape.getAnnotation(LoadShape.RunBy.class)).as("@RunBy on %s", shape.getSimpleName())
				.isNotNull();
			records.add(shape);
		}
		assertThat(records).hasSize(13);
		assertThat(new LoadShape.Smoke(1).simulation().getSimpleName()).isEqualTo("SmokeSimulation");
	}

	@Test
	void aCapacitySearchStepsUpGeometrically() {
		LoadShape.Capacity capacity = new LoadShape.Capacity("/api/hello", 25, 5, 1000, 1.5, 10);
		assertThat(List.of(capacity.rate(0), capacity.rate(1), capacity.rate(2), capacity.rate(3)))
			.containsExactly(1000.0, 1500.0, 2250.0, 3375.0);
		assertThat(capacity.step(2)).isEqualTo(new LoadShape.OpenRate("/api/hello", 2250, 5, 25));
		assertThat(Preset.QUICK.scenario("capacity").load()).isInstanceOf(LoadShape.Capacity.class);
		assertThat(Preset.STANDARD.scenarios()).extracting(Scenario::id).contains("capacity", "capacity-slow");
	}

}
