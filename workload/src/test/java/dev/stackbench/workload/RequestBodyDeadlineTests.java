package dev.stackbench.workload;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RequestBodyDeadlineTests {

	private final RequestBodyDeadline deadline = new RequestBodyDeadline(Duration.ofSeconds(20), 500);

	@Test
	void theGracePeriodGrowsBySecondForEveryMinimumRateOfBytes() {
		assertThat(this.deadline.deadlineNanos(1_000, 0)).isEqualTo(1_000 + 20_000_000_000L);
		assertThat(this.deadline.deadlineNanos(1_000, 1_500)).isEqualTo(1_000 + 23_000_000_000L);
		assertThat(this.deadline.deadlineNanos(0, 250)).isEqualTo(20_500_000_000L);
	}

	@Test
	void aBodyAtTheMinimumRateNeverRunsOut() {
		long ninetySeconds = Duration.ofSeconds(90).toNanos();
		assertThat(this.deadline.remaining(0, 90 * 500, ninetySeconds)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.deadline.remaining(0, 10, ninetySeconds)).isEqualTo(Duration.ZERO);
	}

	@Test
	void aDeadlineOfNothingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDeadline(Duration.ZERO, 500));
		assertThatIllegalArgumentException().isThrownBy(() -> new RequestBodyDeadline(Duration.ofSeconds(1), 0));
	}

}
