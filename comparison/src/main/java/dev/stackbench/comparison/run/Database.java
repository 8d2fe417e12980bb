package dev.stackbench.comparison.run;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import dev.stackbench.postgres.PostgresServer;

/**
 * The PostgreSQL every app of a run connects to for {@code /api/db/*}: one the run starts
 * itself from Maven Central's binaries, on the load generator's cores, or an existing one
 * named by {@code -Ddb.url=jdbc:postgresql://host:port/name} with {@code -Ddb.user} and
 * {@code -Ddb.password}.
 *
 * @param host the database server
 * @param port its port
 * @param name the database
 * @param username who connects
 * @param password their password
 */
public record Database(String host, int port, String name, String username, String password) {

	/**
	 * Room for every pool of every app a run may have open at once (the downstream
	 * service's included) and the tests' side-by-side apps, 10 connections each by
	 * default.
	 */
	static final int MAX_CONNECTIONS = 300;

	/** {@code jdbc:postgresql://host[:port]/name}, as JDBC writes it. */
	static Database fromJdbcUrl(String url, String username, String password) {
		String prefix = "jdbc:postgresql://";
		if (!url.startsWith(prefix)) {
			throw new IllegalArgumentException("db.url '" + url + "' is not jdbc:postgresql://host:port/name");
		}
		URI uri = URI.create("postgresql://" + url.substring(prefix.length()));
		String name = (uri.getPath() == null) ? "" : uri.getPath().replaceFirst("^/", "");
		if (uri.getHost() == null || name.isEmpty()) {
			throw new IllegalArgumentException("db.url '" + url + "' is not jdbc:postgresql://host:port/name");
		}
		return new Database(uri.getHost(), (uri.getPort() < 0) ? 5432 : uri.getPort(), name, username, password);
	}

	/** The database of a server this run started. */
	static Database of(PostgresServer server) {
		return new Database("127.0.0.1", server.port(), PostgresServer.DATABASE, PostgresServer.USER,
				PostgresServer.PASSWORD);
	}

	/** Where an app finds it: its stackbench.db settings as command-line arguments. */
	List<String> appArguments() {
		return List.of("--stackbench.db.host=" + this.host, "--stackbench.db.port=" + this.port,
				"--stackbench.db.name=" + this.name, "--stackbench.db.username=" + this.username,
				"--stackbench.db.password=" + this.password);
	}

	/** What the report shows of it: never the password. */
	String description() {
		return "postgresql://" + this.host + ":" + this.port + "/" + this.name;
	}

	/**
	 * A database for a run: the existing one asked for, or a PostgreSQL started now and
	 * stopped when the run closes it.
	 */
	static Running startOrUse(Optional<Database> existing) {
		if (existing.isPresent()) {
			return new Running(existing.get(), Optional.empty());
		}
		PostgresServer server = PostgresServer.start(MAX_CONNECTIONS);
		return new Running(of(server), Optional.of(server));
	}

	/**
	 * A run's database while the run lasts.
	 *
	 * @param database where it is
	 * @param started the server the run started, which closing it stops
	 */
	record Running(Database database, Optional<PostgresServer> started) implements AutoCloseable {

		/** {@code PostgreSQL 18.4 started here} or {@code existing}. */
		String version() {
			return this.started.map((server) -> server.version().replace("postgres (PostgreSQL) ", "PostgreSQL "))
				.orElse("existing database");
		}

		@Override
		public void close() {
			this.started.ifPresent(PostgresServer::close);
		}

	}

}
