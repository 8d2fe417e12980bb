package dev.stackbench.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An app started before its database can be reached, both apps alike: it starts, serves
 * every endpoint but {@code /api/db/*}, which answers 503 database-unavailable, its
 * health component {@code db} is {@code DOWN} and it is ready; once a PostgreSQL that has
 * never seen the schema comes up on its port, the app applies the schema and seed data
 * and serves {@code /api/db/*} without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "stackbench.db.acquire-timeout-millis=500" })
@DirtiesContext
public abstract class AbstractDatabaseLateStartTests {

	private static final OwnDatabase database = new OwnDatabase(true);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	/**
	 * A fresh cluster, stopped before the app starts: its port has nothing listening on
	 * it, and its database has no tables yet.
	 */
	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database.register(registry);
	}

	@AfterAll
	static void stopDatabase() {
		database.close();
	}

	@Test
	void anAppStartedWithoutItsDatabaseServesAndAppliesTheSchemaOnceTheDatabaseComes() throws Exception {
		assertThat(Http1.get(this.port, "/api/hello").statusCode()).isEqualTo(200);
		assertThat(Http1.get(this.port, "/api/json").statusCode()).isEqualTo(200);
		for (String path : List.of("/api/db/query?delay=0", "/api/db/fortunes", "/api/db/items/1")) {
			OwnDatabase.assertUnavailable(Http1.get(this.port, path));
		}
		assertThat(Http1.get(this.managementPort, "/actuator/health/db").body()).contains("\"status\":\"DOWN\"");
		assertThat(Http1.get(this.managementPort, "/actuator/health/readiness").statusCode()).isEqualTo(200);

		database.server().startAgain();
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> Http1.get(this.port, "/api/db/query?delay=0").statusCode(), (status) -> status == 200);
		assertThat(Http1.get(this.port, "/api/db/fortunes").body()).as("the seed data, applied after the start")
			.contains("Feature: A bug with seniority.");
		assertThat(Http1.get(this.port, "/api/db/items/1").statusCode()).as("the write path's table, empty")
			.isEqualTo(404);
		assertThat(Http1.get(this.managementPort, "/actuator/health/db").statusCode()).isEqualTo(200);
	}

}
