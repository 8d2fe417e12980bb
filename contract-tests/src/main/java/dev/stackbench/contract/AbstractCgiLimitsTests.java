package dev.stackbench.contract;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a CGI program may take, on both apps alike, with the time limit at 3 s and room
 * for 3 programs: a program past its time is killed with its children (504), one whose
 * client has gone is killed at once, and past the bound a request is turned away (503
 * with {@code Retry-After}) while the app keeps serving. After each, the process table
 * holds nothing the app started and no zombie. (The apps run in the test's JVM, so their
 * programs are its descendants.)
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"stackbench.cgi.directory=../cgi-bin", "stackbench.cgi.timeout=3s", "stackbench.cgi.max-processes=3" })
public abstract class AbstractCgiLimitsTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	private static final Duration TIME_LIMIT = Duration.ofSeconds(3);

	@LocalServerPort
	private int port;

	private WebTestClient client;

	private final List<Socket> sockets = new ArrayList<>();

	@BeforeEach
	void bindToServer() throws InterruptedException {
		this.client = WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(10))
			.build();
		ProcessTable.assertNothingLeftWithin(TIME_LIMIT.multipliedBy(2));
		awaitAFreeSlot();
	}

	@AfterEach
	void closeSockets() throws IOException {
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void aProgramPastItsTimeLimitIsKilledWithItsChild() throws InterruptedException {
		long start = System.nanoTime();
		this.client.get()
			.uri("/api/cgi/slow.cgi?delay=20000")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:stackbench:problem:gateway-timeout")
			.jsonPath("$.detail")
			.isEqualTo("CGI script 'slow.cgi' did not answer within 3000 ms");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(TIME_LIMIT, TIME_LIMIT.plusSeconds(3));
		ProcessTable.assertNothingLeftWithin(Duration.ofSeconds(1));
	}

	@Test
	void aClientThatGoesAwayHasItsProgramKilledLongBeforeTheTimeLimit() throws Exception {
		Socket socket = startSlowProgram();
		ProcessTable.awaitRunning("sleep", 1, Duration.ofSeconds(3));
		long closed = System.nanoTime();
		socket.close();
		ProcessTable.assertNothingLeftWithin(Duration.ofMillis(1500));
		assertThat(Duration.ofNanos(System.nanoTime() - closed)).isLessThan(TIME_LIMIT);
	}

	@Test
	void pastTheProcessBoundRequestsAreTurnedAwayWhileTheAppKeepsServing() throws Exception {
		for (int i = 0; i < 3; i++) {
			startSlowProgram();
		}
		ProcessTable.awaitRunning("sleep", 3, Duration.ofSeconds(3));
		this.client.get()
			.uri("/api/cgi/hello.cgi")
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "1")
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:stackbench:problem:overloaded");
		long start = System.nanoTime();
		this.client.get().uri("/api/hello").exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a plain request while CGI is full")
			.isLessThan(Duration.ofSeconds(1));
		closeSockets();
		ProcessTable.assertNothingLeftWithin(Duration.ofSeconds(2));
		awaitAFreeSlot();
	}

	/**
	 * Waits until a program can be started again. A program's slot is freed on the JDK's
	 * process-reaper thread a little after its process is gone (about 70 ms here), so a
	 * request sent the moment the process table is empty can still find every slot taken:
	 * a clean clone's CI failed on that race twice.
	 */
	private void awaitAFreeSlot() {
		await().atMost(Duration.ofSeconds(2))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> this.client.get()
				.uri("/api/cgi/hello.cgi")
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getStatus()
				.value() == 200);
	}

	/**
	 * A request for a program that would run for 20 s, sent on a socket the test can
	 * close.
	 */
	private Socket startSlowProgram() throws IOException {
		Socket socket = new Socket("localhost", this.port);
		this.sockets.add(socket);
		OutputStream out = socket.getOutputStream();
		out.write("GET /api/cgi/slow.cgi?delay=20000 HTTP/1.1\r\nHost: localhost\r\n\r\n"
			.getBytes(StandardCharsets.US_ASCII));
		out.flush();
		return socket;
	}

}
