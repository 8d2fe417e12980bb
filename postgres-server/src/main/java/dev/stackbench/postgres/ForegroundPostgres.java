package dev.stackbench.postgres;

/**
 * {@code ./mvnw -Ppostgres}: a PostgreSQL for trying the apps by hand, in the foreground
 * on 127.0.0.1:5432 (or {@code -Dport}) with the database, user and password the apps use
 * by default, so that their {@code /api/db/*} answer with nothing else installed. Ctrl-C
 * stops it and removes its cluster: its data lives only as long as it runs.
 */
public final class ForegroundPostgres {

	private static final int DEFAULT_PORT = 5432;

	/** Room for both apps' pools and a replica of each, with some to spare. */
	private static final int MAX_CONNECTIONS = 100;

	private ForegroundPostgres() {
	}

	public static void main(String[] args) throws InterruptedException {
		int port = Integer.getInteger("port", DEFAULT_PORT);
		PostgresServer server = PostgresServer.start(MAX_CONNECTIONS, port);
		Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
			server.close();
			System.out.println("PostgreSQL stopped, its cluster removed");
		}));
		System.out.printf(
				"%s on 127.0.0.1:%d: database %s, user %s, password %s (the apps' defaults). "
						+ "Ctrl-C stops it and removes its cluster.%n",
				server.version(), port, PostgresServer.DATABASE, PostgresServer.USER, PostgresServer.PASSWORD);
		Thread.currentThread().join();
	}

}
