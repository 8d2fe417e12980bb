package dev.stackbench.gatling.simulation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LittlesLawTests {

	@Test
	void concurrencyIsRateTimesLatency() {
		assertThat(LittlesLaw.concurrency(100, 500)).isCloseTo(50, within(1e-9));
	}

	@Test
	void throughputIsWorkersOverLatency() {
		assertThat(LittlesLaw.throughputBound(200, 500)).isCloseTo(400, within(1e-9));
		assertThat(LittlesLaw.throughputBound(1, 100)).isCloseTo(10, within(1e-9));
		assertThat(LittlesLaw.throughputBound(8, 0)).isInfinite();
	}

	@Test
	void explainsTheBoundInWords() {
		assertThat(LittlesLaw.explain(100, 500)).contains("100 req/s x 0.500 s = 50 requests in flight")
			.contains("One thread caps at 2.0 req/s")
			.contains("200 platform threads at 400 req/s");
	}

}
