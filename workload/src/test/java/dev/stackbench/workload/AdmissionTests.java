package dev.stackbench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AdmissionTests {

	@Test
	void admitsUpToTheLimitAndAgainAfterALeave() {
		Admission admission = Admission.of(2);
		assertThat(admission.tryEnter()).isTrue();
		assertThat(admission.tryEnter()).isTrue();
		assertThat(admission.tryEnter()).isFalse();
		admission.leave();
		assertThat(admission.tryEnter()).isTrue();
	}

	@Test
	void zeroMeansNoLimit() {
		Admission admission = Admission.of(0);
		for (int i = 0; i < 10_000; i++) {
			assertThat(admission.tryEnter()).isTrue();
		}
	}

	@Test
	void aRefusalIsAProblemWithItsOwnType() {
		Problem problem = Admission.of(3).overloaded();
		assertThat(problem.status()).isEqualTo(503);
		assertThat(problem.type()).hasToString("urn:stackbench:problem:overloaded");
		assertThat(problem.detail()).isEqualTo("More than 3 requests are in flight; retry after 1 s");
	}

	@Test
	void refusesANegativeLimit() {
		assertThatIllegalArgumentException().isThrownBy(() -> Admission.of(-1)).withMessageContaining("max-in-flight");
	}

}
