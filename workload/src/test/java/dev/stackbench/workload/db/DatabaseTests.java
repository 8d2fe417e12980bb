package dev.stackbench.workload.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

import dev.stackbench.workload.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	@Test
	void aPoolThatTimedOutWithEveryConnectionBusyIsOverloaded() {
		// HikariCP's, when no connection came free: no cause, no SQLSTATE.
		Exception hikari = new RuntimeException("could not get a connection",
				new SQLTransientConnectionException("Connection is not available, request timed out after 500ms"));
		assertThat(Database.problemFor(hikari, TIMEOUT).problem().type()).isEqualTo(ProblemType.OVERLOADED.type());
		assertThat(Database.problemFor(hikari, TIMEOUT).problem().detail())
			.isEqualTo("No database connection came free within 500 ms");
		assertThat(Database.problemFor(new RuntimeException(new R2dbcTimeoutException()), TIMEOUT).problem().type())
			.isEqualTo(ProblemType.OVERLOADED.type());
	}

	@Test
	void aPoolThatTimedOutBecauseItCouldNotConnectMeansTheDatabaseIsUnavailable() {
		// HikariCP names the last connection failure as its timeout's cause.
		Exception hikari = new RuntimeException(new SQLTransientConnectionException("timed out", "08001",
				new SQLException("Connection refused", "08001", new ConnectException("Connection refused"))));
		assertThat(Database.problemFor(hikari, TIMEOUT).problem().type())
			.isEqualTo(ProblemType.DATABASE_UNAVAILABLE.type());
	}

	@Test
	void aConnectionCutByTheServerShuttingDownMeansTheDatabaseIsUnavailable() {
		Exception adminShutdown = new RuntimeException(new SQLException("terminating connection", "57P01"));
		assertThat(Database.problemFor(adminShutdown, TIMEOUT).problem().status()).isEqualTo(503);
		assertThat(Database.problemFor(new RuntimeException(new PostgresConnectionClosedException()), TIMEOUT)
			.problem()
			.type()).isEqualTo(ProblemType.DATABASE_UNAVAILABLE.type());
	}

	@Test
	void anyOtherFailureIsNotTheClientsProblemToRetry() {
		assertThat(Database.problemFor(new RuntimeException(new SQLException("syntax error", "42601")), TIMEOUT))
			.isNull();
		assertThat(Database.problemFor(new IllegalStateException("bug"), TIMEOUT)).isNull();
	}

	/** Stands in for r2dbc-pool's timeout, which the workload knows by name only. */
	private static final class R2dbcTimeoutException extends RuntimeException {

	}

	/** Stands in for r2dbc-postgresql's closed connection. */
	private static final class PostgresConnectionClosedException extends RuntimeException {

	}

}
