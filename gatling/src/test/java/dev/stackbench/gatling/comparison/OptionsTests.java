package dev.stackbench.gatling.comparison;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void overridesAreGroupedByScenario() {
		assertThat(Comparison.Options.overrides("throughput.users=1,8,64; throughput.stepSeconds=3;concurrent-slow.users=2000"))
			.isEqualTo(Map.of("throughput", Map.of("users", "1,8,64", "stepSeconds", "3"), "concurrent-slow",
					Map.of("users", "2000")));
		assertThat(Comparison.Options.overrides("")).isEmpty();
	}

	@Test
	void anOverrideWithoutScenarioIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Comparison.Options.overrides("users=8"))
			.withMessageContaining("scenario.parameter=value");
	}

	@Test
	void remoteTargetsNameTheirStackAndBothUrls() {
		Map<Stack, Target> targets = Comparison.Options
			.remoteTargets("platform=http://10.0.0.5:8080|http://10.0.0.5:9080,reactive=http://lb:80|http://lb:9081");
		assertThat(targets).containsOnlyKeys(Stack.PLATFORM, Stack.REACTIVE);
		assertThat(targets.get(Stack.REACTIVE).actuator("prometheus")).isEqualTo(URI.create("http://lb:9081/actuator/prometheus"));
		assertThatIllegalArgumentException().isThrownBy(() -> Comparison.Options.remoteTargets("platform=http://x:8080"));
		assertThatIllegalArgumentException().isThrownBy(() -> Comparison.Options.remoteTargets("tomcat=a|b"))
			.withMessageContaining("unknown stack");
	}

	@Test
	void aScenarioWithOverridesKeepsTheRestOfItsParameters() {
		Scenario scenario = Preset.QUICK.scenarios().getFirst().with(Map.of("stepSeconds", "2"));
		assertThat(scenario.parameters()).containsEntry("stepSeconds", "2").containsEntry("path", "/api/hello");
	}

}
