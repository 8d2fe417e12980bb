package dev.stackbench.contract;

import java.time.Duration;
import java.util.Collections;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls to a downstream service: the stub the suite starts ({@link DownstreamStub}). */
interface DownstreamContract extends ContractContext {

	@Test
	default void downstreamMakesItsCallsInParallelAndCombinesThem() {
		long start = System.nanoTime();
		assertJsonAnswer("/api/downstream?calls=5&delay=300", "{\"calls\":5,\"delay\":300,\"pages\":["
				+ String.join(",", Collections.nCopies(5, "{\"delay\":300}")) + "]}");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("five calls of 300 ms in parallel")
			.isBetween(Duration.ofMillis(300), Duration.ofMillis(1200));
	}

	@Test
	default void aDownstreamCallPastTheTimeoutIsAGatewayTimeout() {
		client().get()
			.uri("/api/downstream?calls=2&delay=4000")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The downstream service did not answer within 2000 ms");
	}

	@Test
	default void aFailingDownstreamCallIsABadGateway() {
		client().get()
			.uri("/api/downstream?calls=3&delay=" + DownstreamStub.FAILING_DELAY)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:stackbench:problem:bad-gateway")
			.jsonPath("$.detail")
			.isEqualTo("The downstream service failed to answer");
	}

}
