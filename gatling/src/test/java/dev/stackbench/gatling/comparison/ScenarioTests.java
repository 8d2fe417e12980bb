package dev.stackbench.gatling.comparison;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioTests {

	@Test
	void onlyAScenarioOnTheDownstreamPageMakesTheComparisonStartADownstreamService() {
		assertThat(Preset.STANDARD.scenarios()).filteredOn(Scenario::callsDownstream)
			.extracting(Scenario::id)
			.containsExactly("downstream");
		assertThat(Preset.QUICK.scenarios()).noneMatch(Scenario::callsDownstream);
		Scenario hello = new Scenario("x", Scenario.Kind.CONCURRENCY_STEPS, "ThroughputSimulation",
				Map.of("path", "/api/hello"));
		assertThat(hello.callsDownstream()).isFalse();
		assertThat(hello.with(Map.of("path", "/api/downstream?calls=2")).callsDownstream()).isTrue();
	}

	@Test
	void theStandardPresetRunsCgiProgramsWithinTheProcessBound() {
		Scenario cgi = Preset.STANDARD.scenarios().stream().filter((s) -> s.id().equals("cgi")).findFirst().orElseThrow();
		assertThat(cgi.parameters().get("path")).startsWith("/api/cgi/slow.cgi?delay=");
		// The apps run at most 256 programs at once (stackbench.cgi.max-processes); past it they answer 503.
		assertThat(cgi.integer("users")).isLessThanOrEqualTo(256);
	}

}
