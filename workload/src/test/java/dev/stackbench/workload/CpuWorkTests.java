package dev.stackbench.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CpuWorkTests {

	@Test
	void zeroRoundsLeavesTheSeed() {
		assertThat(CpuWork.of(Query.parse("work=0"))).isEqualTo(new CpuWork(0, "737461636b62656e6368"));
	}

	@Test
	void eachRoundHashesThePreviousDigest() {
		// Expected digests computed independently: hashlib.sha256 applied n times to
		// b"stackbench".
		assertThat(CpuWork.of(Query.parse("work=1")).digest())
			.isEqualTo("1645117901f6298be65ab8a4a147d265f6ef5b2a2e783bc0503557a84f073386");
		assertThat(CpuWork.of(Query.parse(null)))
			.isEqualTo(new CpuWork(1000, "420d668785cd00a6e45d6a6beda07f762c9f123bdfd5213aec52982947e01945"));
	}

	@Test
	void workIsBounded() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> CpuWork.of(Query.parse("work=100001")));
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> CpuWork.of(Query.parse("work=-1")));
	}

}
