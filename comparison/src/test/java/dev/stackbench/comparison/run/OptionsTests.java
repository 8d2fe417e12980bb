package dev.stackbench.comparison.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.Contender;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OptionsTests {

	@Test
	void overridesAreGroupedByScenario() {
		assertThat(Options.overrides("throughput.users=1,8,64; throughput.stepSeconds=3;concurrent-slow.users=2000"))
			.isEqualTo(Map.of("throughput", Map.of("users", "1,8,64", "stepSeconds", "3"), "concurrent-slow",
					Map.of("users", "2000")));
		assertThat(Options.overrides("")).isEmpty();
	}

	@Test
	void anOverrideWithoutScenarioIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Options.overrides("users=8"))
			.withMessageContaining("scenario.parameter=value");
	}

	@Test
	void remoteTargetsNameTheirStackAndBothUrls() {
		Map<Contender, Target> targets = Options
			.remoteTargets("platform=http://10.0.0.5:8080|http://10.0.0.5:9080,reactive=http://lb:80|http://lb:9081");
		assertThat(targets).containsOnlyKeys(Contender.PLATFORM, Contender.REACTIVE);
		assertThat(targets.get(Contender.REACTIVE).actuator("prometheus"))
			.isEqualTo(URI.create("http://lb:9081/actuator/prometheus"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.remoteTargets("platform=http://x:8080"));
		assertThatIllegalArgumentException().isThrownBy(() -> Options.remoteTargets("tomcat=a|b"))
			.withMessageContaining("unknown serving model");
	}

	@Test
	void aScenarioWithOverridesKeepsTheRestOfItsParameters() {
		Scenario scenario = Preset.STANDARD.scenario("throughput").with(Map.of("stepSeconds", "2"));
		assertThat(scenario.parameters()).containsEntry("stepSeconds", "2").containsEntry("path", "/api/hello");
	}

	@Test
	void stacksAreHonouredWithRemoteAppsToo() {
		Map<Contender, Target> remote = Options
			.remoteTargets("platform=http://a:8080|http://a:9080,reactive=http://b:8081|http://b:9081");
		assertThat(Options.stacks(Optional.empty(), remote)).containsExactly(Contender.PLATFORM, Contender.REACTIVE);
		assertThat(Options.stacks(Optional.of(List.of(Contender.REACTIVE)), remote))
			.containsExactly(Contender.REACTIVE);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Options.stacks(Optional.of(List.of(Contender.VIRTUAL)), remote))
			.withMessageContaining("virtual has no remote target");
		assertThat(Options.stacks(Optional.empty(), Map.of())).isEqualTo(Contender.DEFAULT);
	}

	@Test
	void aPresetRunsWhatItsReplicasAllow() {
		assertThat(Options.runnable(Preset.STANDARD.scenarios(), 1)).extracting(Scenario::id)
			.contains("tls-keep-alive", "h2")
			.doesNotContain("failover");
		assertThat(Options.runnable(Preset.STANDARD.scenarios(), 2)).extracting(Scenario::id)
			.contains("failover", "throughput")
			.doesNotContain("tls-keep-alive", "h2");
	}

	@Test
	void replicasAreRefusedWhereTheyCannotRun() {
		List<Scenario> failover = List.of(Preset.STANDARD.scenario("failover"));
		assertThatIllegalArgumentException().isThrownBy(() -> options(failover, Map.of(), 1))
			.withMessageContaining("-Dreplicas=2");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options(List.of(Preset.STANDARD.scenario("h2")), Map.of(), 2))
			.withMessageContaining("TLS");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options(failover, Options.remoteTargets("platform=http://x:8080|http://x:9080"), 2))
			.withMessageContaining("remote");
		assertThatIllegalArgumentException().isThrownBy(() -> options(failover, Map.of(), 0));
		assertThat(options(failover, Map.of(), 2).isBalanced()).isTrue();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> options(failover, Map.of(), 2, AppJvm.of("G1").withAot(true)))
			.withMessageContaining("without -Daot");
	}

	private static Options options(List<Scenario> scenarios, Map<Contender, Target> remote, int replicas) {
		return options(scenarios, remote, replicas, AppJvm.of("G1"));
	}

	private static Options options(List<Scenario> scenarios, Map<Contender, Target> remote, int replicas, AppJvm jvm) {
		return new Options(Path.of("."), Preset.STANDARD, List.of(Contender.PLATFORM), scenarios, remote, 1,
				Optional.empty(), OptionalDouble.empty(), List.of(), false, Optional.empty(), replicas, jvm,
				Optional.empty(), Optional.empty(), List.of());
	}

}
