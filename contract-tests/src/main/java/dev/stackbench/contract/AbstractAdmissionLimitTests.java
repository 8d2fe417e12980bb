package dev.stackbench.contract;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The optional admission limit, on both apps alike: with
 * {@code stackbench.admission.max-in-flight=2} and two slow requests in flight, a third
 * is turned away at once with the same 503 problem and {@code Retry-After}; health keeps
 * answering, and once the two finish requests are admitted again.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "stackbench.admission.max-in-flight=2" })
public abstract class AbstractAdmissionLimitTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void pastTheLimitARequestIsTurnedAwayAtOnceAndLaterAdmittedAgain() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> slow = List.of(Http1.getAsync(this.port, "/api/slow?delay=2000"),
				Http1.getAsync(this.port, "/api/slow?delay=2000"));
		// Full once both slow requests are in flight.
		await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> Http1.get(this.port, "/api/hello").statusCode(), (status) -> status == 503);

		long start = System.nanoTime();
		HttpResponse<String> refused = Http1.get(this.port, "/api/hello");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to refuse").isLessThan(Duration.ofSeconds(1));
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(refused.body()).isEqualTo("{\"type\":\"urn:stackbench:problem:overloaded\",\"title\":\"Overloaded\","
				+ "\"status\":503,\"detail\":\"More than 2 requests are in flight; retry after 1 s\"}");
		assertThat(Http1.get(this.managementPort, "/actuator/health").statusCode()).as("health while full")
			.isEqualTo(200);

		for (CompletableFuture<HttpResponse<String>> request : slow) {
			assertThat(request.get().statusCode()).isEqualTo(200);
		}
		assertThat(Http1.get(this.port, "/api/hello").statusCode()).as("admitted once the slow ones finished")
			.isEqualTo(200);
		assertThat(Http1.get(this.managementPort, "/actuator/info").body()).contains("\"admission.max-in-flight\":2");
	}

}
