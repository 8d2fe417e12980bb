package dev.stackbench.contract;

import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every part of the contract needs of the app under test: its serving model, and
 * clients bound to its running server and to its management server.
 * {@link AbstractContractTests} provides them; each part of the contract is an interface
 * of default test methods, by concern, so that a serving model's test class stays one
 * line.
 */
interface ContractContext {

	/** Slow requests sent at once by the concurrency tests. */
	int SIMULTANEOUS = 8;

	/** The slow page's delay in the concurrency tests. */
	Duration DELAY = Duration.ofSeconds(1);

	/**
	 * How the app under test serves requests: what it differs in, so that no part of the
	 * contract branches.
	 */
	ServingModel servingModel();

	/** A client of the app's port. */
	WebTestClient client();

	/** A client of the app's management port. */
	WebTestClient management();

	int port();

	int managementPort();

	/** {@code GET path}: a 200 JSON answer that is exactly {@code json}. */
	default void assertJsonAnswer(String path, String json) {
		client().get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo(json);
	}

	/** {@code GET path} on the management port: a health document whose status is UP. */
	default void assertHealthUp(String path) {
		management().get().uri(path).exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
	}

}
