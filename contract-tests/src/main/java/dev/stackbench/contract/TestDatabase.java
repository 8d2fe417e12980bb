package dev.stackbench.contract;

import java.util.function.Supplier;

import dev.stackbench.postgres.PostgresServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real PostgreSQL the apps under test connect to: one per test JVM, started on first
 * use and stopped when the JVM exits. Every Spring Boot test of an app registers it
 * ({@link #register}), so that {@code /api/db/*} has a database; a test that takes its
 * database down, or starts without one, has one of its own.
 */
public final class TestDatabase {

	/**
	 * Room for the pools of every application context Spring's test context cache keeps
	 * open in one JVM (10 connections each).
	 */
	private static final int MAX_CONNECTIONS = 400;

	private static PostgresServer shared;

	private TestDatabase() {
	}

	/** Points the app under test at the shared database. */
	public static void register(DynamicPropertyRegistry registry) {
		register(registry, TestDatabase::shared);
	}

	/** Points the app under test at the database {@code server} gives, once it asks. */
	static void register(DynamicPropertyRegistry registry, Supplier<PostgresServer> server) {
		registry.add("stackbench.db.host", () -> "127.0.0.1");
		registry.add("stackbench.db.port", () -> server.get().port());
	}

	static synchronized PostgresServer shared() {
		if (shared == null) {
			shared = PostgresServer.start(MAX_CONNECTIONS);
			Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(shared::close));
		}
		return shared;
	}

}
