package dev.stackbench.contract;

import java.net.http.HttpClient;
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

	/** How the app's port is reached: plain, TLS, or HTTP/2 over TLS. */
	Transport transport();

	/** The app's port as a base URL of its transport's scheme. */
	default String baseUrl() {
		return transport().scheme() + "://localhost:" + port();
	}

	/** Raw HTTP/1.1 connections to the app's port, through TLS when it serves TLS. */
	RawHttp.Connector raw();

	/**
	 * The JDK's HTTP/1.1 client, trusting the app's certificate when it serves TLS: a
	 * client independent of the contract's Reactor Netty one.
	 */
	HttpClient jdkClient(HttpClient.Version version);

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
