package dev.stackbench.gatling.simulation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OverloadPhasesTests {

	private final OverloadPhases phases = new OverloadPhases(Duration.ofSeconds(10), Duration.ofSeconds(5),
			Duration.ofSeconds(8), Duration.ofSeconds(20), Duration.ofSeconds(5));

	@Test
	void namesEachRequestByThePhaseItWasSentIn() {
		assertThat(this.phases.nameAt(Duration.ZERO)).isEqualTo("baseline");
		assertThat(this.phases.nameAt(Duration.ofMillis(9_999))).isEqualTo("baseline");
		assertThat(this.phases.nameAt(Duration.ofSeconds(10))).isEqualTo("ramp");
		assertThat(this.phases.nameAt(Duration.ofSeconds(15))).isEqualTo("overload");
		assertThat(this.phases.nameAt(Duration.ofSeconds(23))).isEqualTo("recovery +0s");
		assertThat(this.phases.nameAt(Duration.ofSeconds(28))).isEqualTo("recovery +5s");
		assertThat(this.phases.nameAt(Duration.ofSeconds(42))).isEqualTo("recovery +15s");
	}

	@Test
	void requestsSentAfterTheEndCountInTheLastWindow() {
		assertThat(this.phases.nameAt(Duration.ofSeconds(90))).isEqualTo(this.phases.lastWindowName())
			.isEqualTo("recovery +15s");
	}

	@Test
	void listsThePhasesInTheOrderOfTheRun() {
		assertThat(this.phases.names()).containsExactly("baseline", "ramp", "overload", "recovery +0s", "recovery +5s",
				"recovery +10s", "recovery +15s");
		assertThat(this.phases.total()).isEqualTo(Duration.ofSeconds(43));
	}

	@Test
	void listsTheRecoveryWindowsInOrder() {
		assertThat(this.phases.recoveryWindows()).containsExactly("recovery +0s", "recovery +5s", "recovery +10s",
				"recovery +15s");
	}

	@Test
	void refusesARecoveryShorterThanOneWindow() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OverloadPhases(Duration.ofSeconds(1),
				Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)));
	}

}
