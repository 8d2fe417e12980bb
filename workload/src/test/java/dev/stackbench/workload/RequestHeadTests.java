package dev.stackbench.workload;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestHeadTests {

	@Test
	void countsTheHeadAsItIsSentOnTheWire() {
		String wire = "GET /api/hello?x=1 HTTP/1.1\r\nHost: localhost\r\nAccept: */*\r\n\r\n";
		long bytes = RequestHead.bytes("GET", "/api/hello?x=1", "HTTP/1.1",
				List.of(Map.entry("Host", "localhost"), Map.entry("Accept", "*/*")));
		assertThat(bytes).isEqualTo(wire.getBytes(StandardCharsets.US_ASCII).length);
	}

	@Test
	void namesTheLimitInBothProblems() {
		assertThat(RequestHead.lineTooLong(8192)).isEqualTo(new Problem(ProblemType.URI_TOO_LONG.type(), "URI too long",
				414, "The request line must be at most 8192 bytes"));
		assertThat(RequestHead.headerFieldsTooLarge(8192).status()).isEqualTo(431);
		assertThat(RequestHead.headerFieldsTooLarge(8192).detail()).contains("8192 bytes");
	}

}
