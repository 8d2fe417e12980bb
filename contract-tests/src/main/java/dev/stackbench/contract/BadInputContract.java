package dev.stackbench.contract;

import java.io.IOException;
import java.util.Map;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
		RawHttp.Response response = request.sendTo(port());
		assertThat(response.status()).isEqualTo(request.status());
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo(request.expectedBody());
		assertThat(response.header("X-Stack")).isEqualTo(servingModel().stack());
		assertThat(response.header("X-Thread")).isNotBlank();
		assertThat(response.header("Server")).isNull();
		assertThat(response.header("Content-Disposition")).as("a problem names no file").isNull();
	}

	@Test
	default void aHeadWellInsideTheSizeLimitIsServed() throws IOException {
		String half = "a".repeat(3_000);
		RawHttp.Response response = RawHttp.exchange(port(), "GET", "/api/hello?x=" + half, Map.of("X-Big", half),
				null);
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
			request.sendTo(port());
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
