package dev.stackbench.contract;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database failing under both apps alike, against a PostgreSQL of the test's own that
 * it takes down: a pool of two with both connections busy turns a third request away
 * after the acquire timeout (503 overloaded), a database that is down is answered 503
 * database-unavailable with its health component {@code DOWN} while the app stays ready,
 * and once the database is back the app serves from it again by itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "stackbench.db.pool-size=2",
				"stackbench.db.acquire-timeout-millis=500" })
@DirtiesContext
public abstract class AbstractDatabaseFailureTests {

	private static final OwnDatabase database = new OwnDatabase(false);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@AfterAll
	static void stopDatabase() {
		database.close();
	}

	@Test
	void aRequestThatFindsNoFreeConnectionWithinTheAcquireTimeoutIsOverloaded() throws Exception {
		List<CompletableFuture<HttpResponse<String>>> holding = List.of(
				Http1.getAsync(this.port, "/api/db/query?delay=3000"),
				Http1.getAsync(this.port, "/api/db/query?delay=3000"));
		await().atMost(Duration.ofSeconds(3))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> Http1.get(this.managementPort, "/actuator/prometheus").body(), this::bothConnectionsBusy);

		long start = System.nanoTime();
		HttpResponse<String> refused = Http1.get(this.port, "/api/db/query?delay=0");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("waited for the acquire timeout")
			.isBetween(Duration.ofMillis(450), Duration.ofMillis(2500));
		assertProblem(refused, "{\"type\":\"urn:stackbench:problem:overloaded\",\"title\":\"Overloaded\","
				+ "\"status\":503,\"detail\":\"No database connection came free within 500 ms\"}");
		for (CompletableFuture<HttpResponse<String>> request : holding) {
			assertThat(request.get().statusCode()).isEqualTo(200);
		}
		assertThat(Http1.get(this.port, "/api/db/query?delay=0").statusCode()).as("served once connections are free")
			.isEqualTo(200);
	}

	@Test
	void aDatabaseThatIsDownIsUnavailableAndTheAppRecoversWhenItIsBack() throws Exception {
		assertThat(Http1.get(this.port, "/api/db/query?delay=0").statusCode()).isEqualTo(200);
		database.server().stop();
		try {
			for (String path : List.of("/api/db/query?delay=0", "/api/db/fortunes", "/api/db/items/1")) {
				OwnDatabase.assertUnavailable(Http1.get(this.port, path));
			}
			HttpResponse<String> health = Http1.get(this.managementPort, "/actuator/health/db");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"").doesNotContain("Exception");
			assertThat(Http1.get(this.managementPort, "/actuator/health/readiness").statusCode())
				.as("still ready: its other endpoints answer")
				.isEqualTo(200);
			assertThat(Http1.get(this.port, "/api/hello").statusCode()).isEqualTo(200);
		}
		finally {
			database.server().startAgain();
		}
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Http1.get(this.port, "/api/db/query?delay=0").statusCode(), (status) -> status == 200);
		assertThat(Http1.get(this.managementPort, "/actuator/health/db").statusCode()).isEqualTo(200);
	}

	private boolean bothConnectionsBusy(String scrape) {
		return scrape.lines()
			.anyMatch((line) -> (line.startsWith("hikaricp_connections_active{")
					|| line.startsWith("r2dbc_pool_acquired_connections{")) && line.endsWith(" 2.0"));
	}

	private static void assertProblem(HttpResponse<String> response, String body) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body()).isEqualTo(body);
	}

}
