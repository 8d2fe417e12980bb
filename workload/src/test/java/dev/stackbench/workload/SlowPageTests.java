package dev.stackbench.workload;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SlowPageTests {

	@Test
	void delayDefaultsToOneHundredMilliseconds() {
		assertThat(SlowPage.of(Query.parse(null)).duration()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void delayIsBoundedToThirtySeconds() {
		assertThat(SlowPage.of(Query.parse("delay=30000")).delay()).isEqualTo(30_000);
		assertThat(SlowPage.of(Query.parse("delay=0")).delay()).isZero();
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> SlowPage.of(Query.parse("delay=30001")));
	}

}
