package dev.stackbench.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import dev.stackbench.postgres.PostgresServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL of one test class's own, for the tests that take it down or start the app
 * before it: started on the app's first need of it (stopped again at once when the app is
 * to start without it), closed after the class.
 */
final class OwnDatabase {

	private static final int MAX_CONNECTIONS = 20;

	private final boolean stoppedAtStart;

	private PostgresServer server;

	/**
	 * @param stoppedAtStart whether the app starts with nothing listening on the
	 * database's port (a fresh cluster, stopped before the app asks for it)
	 */
	OwnDatabase(boolean stoppedAtStart) {
		this.stoppedAtStart = stoppedAtStart;
	}

	/** Points the app under test at this database. */
	void register(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry, this::server);
	}

	synchronized PostgresServer server() {
		if (this.server == null) {
			this.server = PostgresServer.start(MAX_CONNECTIONS);
			if (this.stoppedAtStart) {
				this.server.stop();
			}
		}
		return this.server;
	}

	synchronized void close() {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	/** The answer of {@code /api/db/*} while the database cannot be reached. */
	static void assertUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
		assertThat(response.body())
			.isEqualTo("{\"type\":\"urn:stackbench:problem:database-unavailable\",\"title\":\"Database unavailable\","
					+ "\"status\":503,\"detail\":\"The database is unavailable\"}");
	}

}
