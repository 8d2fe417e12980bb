package dev.stackbench.postgres;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
