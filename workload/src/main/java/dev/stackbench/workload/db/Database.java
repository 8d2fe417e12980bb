package dev.stackbench.workload.db;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.time.Duration;

import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.ProblemType;

/**
 * What the database's failures look like to a client, the same on both stacks whatever
 * their drivers and pools call them: a pool with no connection free within the acquire
 * timeout is {@code 503 overloaded}, a database that is down or unreachable
 * {@code 503 database-unavailable}; both carry {@code Retry-After}, neither an exception
 * message.
 */
public final class Database {

	/**
	 * The schema and seed data, on the classpath (app-support's): idempotent, so that
	 * every app applies it once it first reaches the database.
	 */
	public static final String SCHEMA_SCRIPT = "db/schema.sql";

	private Database() {
	}

	/**
	 * What an app logs when it starts before its database can be reached: it serves
	 * everything else meanwhile.
	 */
	public static String notReachedYet(String cause) {
		return "The database is not reachable yet (" + cause + "): /api/db/* answers 503 database-unavailable until "
				+ "it is, and the schema is applied then; every other endpoint serves";
	}

	/** 503: every pooled connection stayed busy for the whole acquire timeout. */
	public static ProblemException overloaded(Duration acquireTimeout) {
		return new ProblemException(ProblemType.OVERLOADED,
				"No database connection came free within " + acquireTimeout.toMillis() + " ms");
	}

	/** 503: the database is down or unreachable. */
	public static ProblemException unavailable() {
		return new ProblemException(ProblemType.DATABASE_UNAVAILABLE, "The database is unavailable");
	}

	/**
	 * The problem for a failure on the way to the database, or {@code null} when it is
	 * none of these (a bug, answered as one). The cause chain decides: a refused or cut
	 * connection anywhere means the database is unavailable (a pool that timed out while
	 * it could not connect names that failure as its cause); otherwise a pool's own
	 * timeout (HikariCP's {@code SQLTransientConnectionException}, r2dbc-pool's
	 * {@code R2dbcTimeoutException} or reactor-pool's
	 * {@code PoolAcquireTimeoutException}) means it is overloaded.
	 */
	public static ProblemException problemFor(Throwable failure, Duration acquireTimeout) {
		boolean poolTimedOut = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (isConnectionLost(cause)) {
				return unavailable();
			}
			String name = cause.getClass().getSimpleName();
			poolTimedOut |= name.equals("SQLTransientConnectionException") || name.equals("R2dbcTimeoutException")
					|| name.equals("PoolAcquireTimeoutException");
		}
		return poolTimedOut ? overloaded(acquireTimeout) : null;
	}

	/**
	 * JDBC names the cut by SQLSTATE; r2dbc-postgresql by exception type (its
	 * non-transient resource exceptions are SQLSTATE 08 and 57P, a closed connection has
	 * a type of its own), and Netty's channel by the JDK's.
	 */
	private static boolean isConnectionLost(Throwable cause) {
		if (cause instanceof ConnectException || cause instanceof SocketException || cause instanceof EOFException
				|| cause instanceof ClosedChannelException) {
			return true;
		}
		if (cause instanceof SQLException sql && sql.getSQLState() != null) {
			return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P");
		}
		String name = cause.getClass().getSimpleName();
		return name.endsWith("NonTransientResourceException") || name.endsWith("ConnectionClosedException");
	}

}
