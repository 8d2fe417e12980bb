package dev.stackbench.contract;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What each endpoint answers: status, content type and body, byte for byte. */
interface EndpointContract extends ContractContext {

	@Test
	default void helloSaysHelloWorldInPlainText() {
		client().get()
			.uri("/api/hello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/plain;charset=UTF-8")
			.expectBody(String.class)
			.isEqualTo("Hello World");
	}

	@Test
	default void everyResponseNamesItsStackAndThread() {
		for (String path : List.of("/api/hello", "/api/json", "/api/slow?delay=0", "/api/cpu?work=1", "/api/nope")) {
			client().get()
				.uri(path)
				.exchange()
				.expectHeader()
				.valueEquals("X-Stack", servingModel().stack())
				.expectHeader()
				.valueMatches("X-Thread", servingModel().threadNamePattern());
		}
	}

	/**
	 * Nothing tells a scanner which server and version to attack, on answers or on
	 * errors.
	 */
	@Test
	default void responsesCarryNoServerBanner() {
		for (String path : List.of("/api/hello", "/api/slow?delay=-1", "/api/nope", "/api/%2e%2e/etc/passwd")) {
			client().get()
				.uri(URI.create(baseUrl() + path))
				.exchange()
				.expectHeader()
				.doesNotExist(HttpHeaders.SERVER)
				.expectHeader()
				.doesNotExist("X-Powered-By");
		}
	}

	@Test
	default void jsonIsAFixedDocument() {
		assertJsonAnswer("/api/json",
				"{\"project\":\"stackbench\",\"question\":\"Spring MVC on Tomcat or WebFlux on Reactor Netty?\","
						+ "\"stacks\":[\"servlet\",\"reactive\"],\"version\":1}");
	}

	@Test
	default void slowAnswersAfterTheDefaultDelayOfOneHundredMilliseconds() {
		long started = System.nanoTime();
		assertJsonAnswer("/api/slow", "{\"delay\":100}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	default void slowAnswersAfterTheRequestedDelay() {
		long started = System.nanoTime();
		client().get().uri("/api/slow?delay=300").exchange().expectBody(String.class).isEqualTo("{\"delay\":300}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
				Duration.ofSeconds(10));
		client().get().uri("/api/slow?delay=0").exchange().expectBody(String.class).isEqualTo("{\"delay\":0}");
	}

	@Test
	default void cpuReturnsTheDigestAfterNRounds() {
		// sha256 applied once and 1000 times to "stackbench", computed independently
		// (Python's hashlib).
		assertJsonAnswer("/api/cpu?work=1",
				"{\"work\":1,\"digest\":\"1645117901f6298be65ab8a4a147d265f6ef5b2a2e783bc0503557a84f073386\"}");
		client().get()
			.uri("/api/cpu")
			.exchange()
			.expectBody(String.class)
			.isEqualTo(
					"{\"work\":1000,\"digest\":\"420d668785cd00a6e45d6a6beda07f762c9f123bdfd5213aec52982947e01945\"}");
	}

	@Test
	default void echoReturnsTheBodyByteForByte() {
		String body = " {\"text\": \"caf\u00e9 \u2615\", \"n\": [1, 2.50, -0e3], \"nested\": {\"ok\": true}} ";
		client().post()
			.uri("/api/echo")
			.contentType(MediaType.parseMediaType("application/json; charset=utf-8"))
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(byte[].class)
			.isEqualTo(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A client that keeps its connection sends request after request on it, mixing pages
	 * answered from a timer, from the request thread and after reading a body. Reactor
	 * Netty 1.3.7 stopped reading such a connection after slow, cpu, echo in a row
	 * (reactor/reactor-netty#4361): the echo never got its body and hung.
	 */
	@Test
	default void oneKeepAliveConnectionServesEveryKindOfRequestInTurn() throws Exception {
		HttpClient keepAlive = jdkClient(HttpClient.Version.HTTP_1_1);
		String base = baseUrl();
		String json = "{\"ping\":[1,2,{\"pong\":true}]}";
		for (int round = 0; round < 40; round++) {
			for (HttpRequest request : List.of(HttpRequest.newBuilder(URI.create(base + "/api/slow?delay=5")).build(),
					HttpRequest.newBuilder(URI.create(base + "/api/cpu?work=10")).build(),
					HttpRequest.newBuilder(URI.create(base + "/api/echo"))
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build())) {
				HttpResponse<String> response = keepAlive.send(
						HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as("round %d: %s", round, request.uri()).isEqualTo(200);
			}
		}
	}

	@Test
	default void echoAcceptsABodyOfExactlySixtyFourKibibytes() {
		byte[] body = ("\"" + "x".repeat(65_536 - 2) + "\"").getBytes(StandardCharsets.US_ASCII);
		client().post()
			.uri("/api/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.isEqualTo(body);
	}

}
