package dev.stackbench.postgres;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresServerTests {

	@Test
	void startsARealPostgresqlThatStopsStartsAgainAndLeavesNothingBehind() throws Exception {
		Path cluster;
		try (PostgresServer server = PostgresServer.start(50)) {
			assertThat(server.version()).startsWith("postgres (PostgreSQL) 18.");
			assertThat(query(server, "SHOW max_connections")).isEqualTo("50");
			assertThat(query(server, "SELECT current_database()")).isEqualTo(PostgresServer.DATABASE);
			cluster = dataDirectoryOf(server);
			assertThat(cluster.resolve("postmaster.pid")).exists();

			server.stop();
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> query(server, "SELECT 1"));

			server.startAgain();
			assertThat(query(server, "SELECT 1")).isEqualTo("1");
		}
		assertThat(cluster).doesNotExist();
	}

	@Test
	void runsAsAnUnprivilegedUserWhenThisJvmIsRoot() throws Exception {
		try (PostgresServer server = PostgresServer.start(20)) {
			String owner = Files.getOwner(dataDirectoryOf(server)).getName();
			if ("root".equals(System.getProperty("user.name"))) {
				assertThat(owner).isEqualTo("nobody");
			}
			else {
				assertThat(owner).isEqualTo(System.getProperty("user.name"));
			}
		}
	}

	/**
	 * A JVM that started a server and ends on SIGTERM without closing it (a comparison
	 * stopped from outside) takes the server with it: nothing is left listening, and the
	 * cluster is removed.
	 */
	@Test
	void aJvmEndedBySigtermStopsTheServerItStarted() throws Exception {
		Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), StartsAndWaits.class.getName())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader output = new BufferedReader(new InputStreamReader(jvm.getInputStream()));
			String line;
			while ((line = output.readLine()) != null && !line.startsWith("listening ")) {
				// Start-up lines.
			}
			assertThat(line).as("the child JVM's server started").isNotNull();
			String[] started = line.split(" ");
			int port = Integer.parseInt(started[1]);
			Path cluster = Path.of(started[2]);
			assertThat(cluster).exists();
			jvm.destroy();
			assertThat(jvm.waitFor(90, TimeUnit.SECONDS)).isTrue();
			assertThat(cluster).doesNotExist();
			assertThatExceptionOfType(IOException.class).isThrownBy(() -> new Socket("127.0.0.1", port).close());
		}
		finally {
			jvm.destroyForcibly();
		}
	}

	/** Starts a server and waits, never closing it. */
	static final class StartsAndWaits {

		public static void main(String[] args) throws Exception {
			PostgresServer server = PostgresServer.start(20);
			System.out.println("listening " + server.port() + " " + dataDirectoryOf(server).getParent());
			Thread.currentThread().join();
		}

	}

	private static Path dataDirectoryOf(PostgresServer server) throws SQLException {
		return Path.of(query(server, "SHOW data_directory"));
	}

	private static String query(PostgresServer server, String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), PostgresServer.USER,
				PostgresServer.PASSWORD);
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getString(1);
		}
	}

}
