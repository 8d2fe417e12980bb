package dev.stackbench.workload.cgi;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CgiResponseTests {

	@Test
	void documentResponseWithLfLineEnds() {
		CgiResponse response = parse("Content-Type: text/plain; charset=\"utf-8\"\n\nHello\n");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("text/plain; charset=\"utf-8\"");
		assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("Hello\n");
	}

	@Test
	void statusAndExtraHeadersWithCrlfLineEnds() {
		CgiResponse response = parse("Status: 404 Not Here\r\nContent-Type: text/html\r\nX-Script: yes\r\n\r\n<p>");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.headers()).containsExactly(Map.entry("X-Script", "yes"));
		assertThat(response.body()).asString().isEqualTo("<p>");
	}

	@Test
	void locationWithoutStatusIsARedirect() {
		CgiResponse response = parse("Location: http://localhost/elsewhere\n\n");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.location()).isEqualTo("http://localhost/elsewhere");
		assertThat(response.contentType()).isNull();
	}

	@Test
	void headersThatFrameTheResponseAreTheServers() {
		CgiResponse response = parse("Content-Type: text/plain\nContent-Length: 999\nTransfer-Encoding: chunked\n"
				+ "Connection: close\nX-Stack: cgi\n\nbody");
		assertThat(response.headers()).isEmpty();
		assertThat(response.body()).asString().isEqualTo("body");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "Content-Type: text/plain", "no header at all\n\n", "Content-Type: text/plain\nbody",
			"X-Only: header\n\n", "Status: 200 OK\n\n", "Status: 999\nContent-Type: text/plain\n\n",
			"Status: abc\nContent-Type: text/plain\n\n", "Content-Type: text/plain\nContent-Type: text/html\n\n",
			"Bad Name: x\nContent-Type: text/plain\n\n", "Content-Type: text/plain\rX-Split: y\n\n",
			"Content-Type:\n\n", "Content-Type: text\n\n", "Content-Type: text/plain; charset\n\n" })
	void malformedOutputIsNotAResponse(String output) {
		assertThat(CgiResponse.parse(output.getBytes(StandardCharsets.ISO_8859_1))).isEmpty();
	}

	private static CgiResponse parse(String output) {
		return CgiResponse.parse(output.getBytes(StandardCharsets.ISO_8859_1)).orElseThrow();
	}

}
