package dev.stackbench.comparison.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Presets as data files: the built-in ones, and a user's own from the project's root. */
class PresetTests {

	@Test
	void aUsersPresetFileIsNamedFromTheProjectsRootAndReadOverTheTypesDefaults(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("mine.json"), """
				{ "description": "the slow page only", "warmUpLimitSeconds": 20,
				  "scenarios": [ { "id": "slow", "type": "concurrent-wait", "why": "a note",
				                   "load": { "path": "/api/slow?delay=200", "users": [500] } } ] }
				""");
		Preset mine = Preset.of("mine.json", root);
		assertThat(mine.id()).isEqualTo("mine");
		assertThat(mine.warmUpLimitSeconds()).isEqualTo(20);
		assertThat(mine.failOnAssertions()).isFalse();
		assertThat(mine.scenario("slow").parameters()).containsEntry("users", "500")
			.containsEntry("stepSeconds", "10")
			.as("the type's default, not the simulation's")
			.containsEntry("maxP95Millis", "5000");
		assertThat(mine.scenario("capacity")).as("a built-in preset's scenario by id")
			.isEqualTo(Preset.QUICK.scenario("capacity"));
	}

	@Test
	void aMisspelledOrMissingKeyIsRefusedNotDropped(@TempDir Path root) throws IOException {
		Files.writeString(root.resolve("typo.json"), """
				{ "warmUpLimitSeconds": 20, "scenarios": [ { "id": "x", "type": "soak", "laod": { "rate": 5 } } ] }
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> Preset.of("typo.json", root))
			.withMessageContaining("preset typo")
			.withMessageContaining("laod");
		Files.writeString(root.resolve("bare.json"), """
				{ "scenarios": [ { "id": "x", "type": "soak" } ] }
				""");
		assertThatIllegalArgumentException().isThrownBy(() -> Preset.of("bare.json", root))
			.withMessageContaining("needs a warmUpLimitSeconds");
		assertThatIllegalArgumentException().isThrownBy(() -> Preset.of("nowhere.json", root))
			.withMessageContaining("unknown preset 'nowhere.json'");
	}

	@Test
	void theBuiltInPresetsAreTheToolsOwn() {
		assertThat(Preset.BUILT_IN).containsExactly("quick", "standard", "ci", "soak");
		assertThat(Preset.CI.failOnAssertions()).isTrue();
		assertThat(Preset.QUICK.failOnAssertions()).isFalse();
		assertThat(Preset.QUICK.warmUpLimitSeconds()).isEqualTo(75);
		assertThat(Preset.QUICK.forks()).as("the default runs forks").isEqualTo(3);
		assertThat(Preset.STANDARD.forks()).as("a preset file that leaves forks out").isEqualTo(1);
		assertThat(Preset.STANDARD.scenarios()).extracting(Scenario::id).contains("stream", "db", "failover");
	}

}
