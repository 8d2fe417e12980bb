package dev.stackbench.contract;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import dev.stackbench.workload.EventStream;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/** Server-sent events, read off the socket. */
interface EventStreamContract extends ContractContext {

	/**
	 * Read off the socket, so that what is compared is the bytes on the wire, which both
	 * apps must send alike.
	 */
	@Test
	default void streamSendsEachEventAfterItsInterval() throws IOException {
		long start = System.nanoTime();
		RawHttp.Response response = RawHttp.exchange(raw(), "GET", "/api/stream?count=3&interval=100", Map.of(), null);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(HttpHeaders.CONTENT_TYPE)).isEqualTo(EventStream.CONTENT_TYPE);
		assertThat(response.body()).isEqualTo("id:1\nevent:tick\ndata:{\"n\":1,\"of\":3}\n\n"
				+ "id:2\nevent:tick\ndata:{\"n\":2,\"of\":3}\n\n" + "id:3\nevent:tick\ndata:{\"n\":3,\"of\":3}\n\n");
	}

	/**
	 * A 100-second stream whose client leaves after its first event must free whatever
	 * served it: on the one-thread profile the only request thread, which the next
	 * request needs.
	 */
	@Test
	default void aStreamWhoseClientLeavesFreesItsThread() throws IOException {
		try (Socket socket = raw().open()) {
			socket.getOutputStream()
				.write("GET /api/stream?count=1000&interval=100 HTTP/1.1\r\nHost: localhost\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.readUntil(socket, "id:1\n")).as("the stream's first event").endsWith("id:1\n");
		}
		long start = System.nanoTime();
		client().get().uri("/api/hello").exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the next request after the client left")
			.isLessThan(Duration.ofSeconds(2));
	}

}
