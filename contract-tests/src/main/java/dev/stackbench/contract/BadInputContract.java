package dev.stackbench.contract;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input: the same problem document on every stack, the app healthy and its log quiet
 * after it.
 */
interface BadInputContract extends ContractContext {

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.stackbench.contract.BadRequest#all")
	default void badInputGetsTheSameProblemDocumentOnEveryStack(BadRequest request) throws IOException {
		RawHttp.Response response = request.sendTo(raw());
		assertThat(response.status()).isEqualTo(request.status());
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo(request.expectedBody());
		assertThat(response.header("X-Stack")).isEqualTo(servingModel().stack());
		assertThat(response.header("X-Thread")).isNotBlank();
		assertThat(response.header("Server")).isNull();
		assertThat(response.header("Content-Disposition")).as("a problem names no file").isNull();
	}

	/**
	 * A body declared over the limit is refused on its head, before a byte of it is sent:
	 * the answer must not wait for a body that is never coming.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "/api/echo", "/api/cgi/env.cgi" })
	default void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsSent(String path) throws IOException {
		try (Socket socket = raw().open()) {
			socket.getOutputStream()
				.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
						+ "Content-Length: 100000\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = RawHttp.readUntil(socket, "}");
			assertThat(answer).startsWith("HTTP/1.1 413 ")
				.endsWith("{\"type\":\"urn:stackbench:problem:payload-too-large\",\"title\":\"Payload too large\","
						+ "\"status\":413,\"detail\":\"The body must be at most 65536 bytes\"}");
		}
	}

	/**
	 * A client opening with the HTTP/2 preface (prior knowledge) speaks a protocol these
	 * ports do not, and could not read an HTTP/1.1 answer: closed without one, at once.
	 */
	@Test
	default void anHttp2PrefaceIsClosedWithoutAnAnswer() throws IOException {
		try (Socket socket = raw().open()) {
			socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.readUntil(socket, "\r\n\r\n")).isEmpty();
		}
	}

	@Test
	default void aHeadWellInsideTheSizeLimitIsServed() throws IOException {
		String half = "a".repeat(3_000);
		RawHttp.Response response = RawHttp.exchange(raw(), "GET", "/api/hello?x=" + half, Map.of("X-Big", half), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello World");
	}

	@Test
	default void wrongMethodNamesTheAllowedOnes() {
		client().post()
			.uri("/api/hello")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET");
	}

	/**
	 * A client's mistake is the client's: answered and counted, but not logged as a
	 * warning or an error, or a scan of random URLs fills the log (and one app would
	 * spend time logging that the other does not).
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	default void appStaysHealthyAndQuietAfterEveryBadRequest(CapturedOutput output) throws IOException {
		for (BadRequest request : BadRequest.all().toList()) {
			request.sendTo(raw());
		}
		client().get().uri("/api/hello").exchange().expectStatus().isOk();
		management().get().uri("/actuator/health").exchange().expectStatus().isOk();
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			// Netty's leak detector reports at garbage collection whatever buffer was
			// lost earlier, whoever lost it (WebTestClient's own client leaks some): such
			// a report says nothing about the requests sent here.
			.filter((line) -> !line.contains(ResourceLeakDetector.class.getName())))
			.as("warnings and errors logged for bad requests")
			.isEmpty();
	}

}
