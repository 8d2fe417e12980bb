package dev.stackbench.reactive.antipattern;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.stackbench.contract.TestDatabase;
import dev.stackbench.workload.Api;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one event loop, a request that sleeps on it stalls a cheap request on another
 * connection for as long as it sleeps; the same wait done right ({@code /api/slow}, a
 * timer) stalls nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("single-loop")
class BlockEventLoopTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	private static final long WAIT_MILLIS = 2_000;

	@LocalServerPort
	private int port;

	@Test
	void sleepingOnTheEventLoopStallsEveryOtherConnection() throws Exception {
		Duration hello = helloWhileAnotherConnectionWaitsOn(Api.BLOCK_EVENT_LOOP);
		assertThat(hello).as("/api/hello while the loop sleeps").isGreaterThan(Duration.ofMillis(WAIT_MILLIS / 2));
	}

	@Test
	void waitingOnATimerStallsNothing() throws Exception {
		Duration hello = helloWhileAnotherConnectionWaitsOn(Api.SLOW);
		assertThat(hello).as("/api/hello while a timer waits").isLessThan(Duration.ofMillis(WAIT_MILLIS / 2));
	}

	@Test
	void theAntiPatternStillAnswersTheSlowPagesDocumentAndValidatesItsParameter() throws Exception {
		HttpResponse<String> page = send(Api.BLOCK_EVENT_LOOP + "?delay=10");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).isEqualTo("{\"delay\":10}");
		HttpResponse<String> bad = send(Api.BLOCK_EVENT_LOOP + "?delay=-1");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.headers().firstValue("Content-Type")).hasValue(Api.PROBLEM_JSON);
	}

	private Duration helloWhileAnotherConnectionWaitsOn(String path) throws Exception {
		// Two clients, so that each request has its own connection and only the event
		// loop is shared.
		CompletableFuture<HttpResponse<String>> waiting = HttpClient.newHttpClient()
			.sendAsync(request(path + "?delay=" + WAIT_MILLIS), HttpResponse.BodyHandlers.ofString());
		Thread.sleep(300);
		long start = System.nanoTime();
		HttpResponse<String> hello = send(Api.HELLO);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(hello.statusCode()).isEqualTo(200);
		assertThat(waiting.get().statusCode()).isEqualTo(200);
		return took;
	}

	private HttpResponse<String> send(String pathAndQuery) throws Exception {
		return HttpClient.newHttpClient().send(request(pathAndQuery), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String pathAndQuery) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(30))
			.build();
	}

}
