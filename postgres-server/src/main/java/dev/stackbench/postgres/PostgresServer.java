package dev.stackbench.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.ArchUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * A real PostgreSQL on 127.0.0.1, from the binaries zonky publishes on Maven Central, for
 * the tests and the comparison: no Docker, no system package. {@link #start} extracts the
 * binaries once per version, creates a cluster in a directory of its own, and starts it;
 * {@link #close} stops it and deletes the cluster. Started from the comparison's pinned
 * JVM, it inherits the load generator's cores.
 * <p>
 * Why not zonky's {@code EmbeddedPostgres}, which does the same: it runs {@code initdb}
 * and {@code postgres} as the JVM's own user, and PostgreSQL refuses to run as root,
 * which is what CI runs as. Here, as root, every PostgreSQL command runs as
 * {@code nobody} through {@code runuser}; as anyone else, as that user.
 * <p>
 * The server is tuned for a throwaway benchmark database ({@code fsync} and
 * {@code synchronous_commit} off), so that what a run measures is the apps and their
 * pools, not this machine's disk; {@code max_connections} leaves room for every pool of
 * every app a run starts.
 */
public final class PostgresServer implements AutoCloseable {

	public static final String DATABASE = "stackbench";

	public static final String USER = "stackbench";

	/**
	 * The password the apps send; the cluster trusts connections from 127.0.0.1, so it is
	 * not checked.
	 */
	public static final String PASSWORD = "stackbench";

	private static final String UNPRIVILEGED_USER = "nobody";

	private static final Path WORK_ROOT = Path.of(System.getProperty("java.io.tmpdir"), "stackbench-postgres");

	private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

	private final Path binaries;

	private final Path directory;

	private final int port;

	private final int maxConnections;

	private final boolean asUnprivilegedUser;

	private boolean running;

	/**
	 * Stops the server when this JVM ends without closing it (Ctrl-C, or a comparison
	 * sent SIGTERM): the server is not this JVM's child, and would otherwise run on,
	 * orphaned, until the next start removed its cluster.
	 */
	private final Thread closeOnExit = Thread.ofPlatform().name("stop PostgreSQL").unstarted(this::close);

	private PostgresServer(Path binaries, Path directory, int port, int maxConnections, boolean asUnprivilegedUser) {
		this.binaries = binaries;
		this.directory = directory;
		this.port = port;
		this.maxConnections = maxConnections;
		this.asUnprivilegedUser = asUnprivilegedUser;
	}

	/** A new cluster on a free port, with room for {@code maxConnections} connections. */
	public static PostgresServer start(int maxConnections) {
		try {
			return start(maxConnections, freePort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not find a free port for PostgreSQL", ex);
		}
	}

	/**
	 * A new cluster on {@code port}, with room for {@code maxConnections} connections;
	 * refused at once when something listens there already.
	 */
	public static PostgresServer start(int maxConnections, int port) {
		requireFree(port);
		try {
			Files.createDirectories(WORK_ROOT);
			removeAbandonedClusters();
			boolean asUnprivilegedUser = "root".equals(System.getProperty("user.name"));
			if (asUnprivilegedUser && runuser() == null) {
				throw new IllegalStateException("PostgreSQL refuses to run as root, and runuser (util-linux) is not "
						+ "installed to run it as '" + UNPRIVILEGED_USER + "': install util-linux, run as another "
						+ "user, or point -Ddb.url at an existing database");
			}
			Path binaries = extractedBinaries();
			Path directory = Files.createTempDirectory(WORK_ROOT, "cluster-");
			Files.writeString(directory.resolve("owner.pid"), Long.toString(ProcessHandle.current().pid()));
			PostgresServer server = new PostgresServer(binaries, directory, port, maxConnections, asUnprivilegedUser);
			try {
				server.initialize();
				server.startAgain();
				Runtime.getRuntime().addShutdownHook(server.closeOnExit);
				return server;
			}
			catch (RuntimeException | IOException ex) {
				server.running = true;
				try {
					server.close();
				}
				catch (RuntimeException stopFailed) {
					ex.addSuppressed(stopFailed);
				}
				throw ex;
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start PostgreSQL", ex);
		}
	}

	public int port() {
		return this.port;
	}

	/** {@code jdbc:postgresql://127.0.0.1:<port>/stackbench} */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + DATABASE;
	}

	/** Which PostgreSQL this is, e.g. {@code postgres (PostgreSQL) 18.4}. */
	public String version() {
		run("postgres", "--version");
		try {
			return Files.readString(this.directory.resolve("postgres.out")).strip();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Stops the server, fast (open connections are cut), keeping its data: what a
	 * database outage looks like to the apps.
	 */
	public synchronized void stop() {
		if (this.running) {
			run("pg_ctl", "-D", dataDirectory().toString(), "-m", "fast", "-w", "-t", "60", "stop");
			this.running = false;
		}
	}

	/**
	 * Starts the server again after {@link #stop}, on the same port with the same data.
	 */
	public synchronized void startAgain() {
		if (!this.running) {
			run("pg_ctl", "-D", dataDirectory().toString(), "-l", this.directory.resolve("server.log").toString(), "-w",
					"-t", "60", "start");
			this.running = true;
		}
	}

	/** Stops the server and deletes its cluster. */
	@Override
	public synchronized void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.closeOnExit);
		}
		catch (IllegalStateException ex) {
			// This JVM is exiting, and this is its hook (or another) closing the server.
		}
		try {
			stop();
		}
		finally {
			deleteRecursively(this.directory);
		}
	}

	private void initialize() throws IOException {
		if (this.asUnprivilegedUser) {
			// Only the cluster's own directory is theirs; the extracted binaries stay
			// root's, readable by all.
			chown(this.directory, UNPRIVILEGED_USER);
		}
		run("initdb", "-D", dataDirectory().toString(), "-U", USER, "-A", "trust", "-E", "UTF8", "--no-locale",
				"--no-sync", "--no-instructions");
		String settings = """

				# stackbench: a throwaway benchmark database on 127.0.0.1 only
				listen_addresses = '127.0.0.1'
				port = %d
				unix_socket_directories = ''
				max_connections = %d
				fsync = off
				synchronous_commit = off
				full_page_writes = off
				""".formatted(this.port, this.maxConnections);
		Files.writeString(dataDirectory().resolve("postgresql.conf"), settings, StandardOpenOption.APPEND);
		// The binaries have no createdb: the database is made in single-user mode, before
		// the server first starts.
		Path createDatabase = this.directory.resolve("create-database.sql");
		Files.writeString(createDatabase, "CREATE DATABASE " + DATABASE + "\n");
		run(createDatabase, "postgres", "--single", "-D", dataDirectory().toString(), "postgres");
	}

	private Path dataDirectory() {
		return this.directory.resolve("data");
	}

	/**
	 * Runs one of PostgreSQL's programs to its end, as the unprivileged user when this
	 * JVM is root; fails with the program's own output.
	 */
	private void run(String program, String... arguments) {
		run(null, program, arguments);
	}

	private void run(Path input, String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (this.asUnprivilegedUser) {
			command.addAll(List.of(runuser().toString(), "-u", UNPRIVILEGED_USER, "--"));
		}
		command.add(this.binaries.resolve("bin").resolve(program).toString());
		command.addAll(List.of(arguments));
		Path output = this.directory.resolve(program + ".out");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.directory(this.directory.toFile());
			if (input != null) {
				builder.redirectInput(input.toFile());
			}
			Process process = builder.start();
			if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(program + " did not finish within " + COMMAND_TIMEOUT);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
						+ Files.readString(output, StandardCharsets.UTF_8) + serverLog());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not run " + command, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted running " + program, ex);
		}
	}

	private String serverLog() throws IOException {
		Path log = this.directory.resolve("server.log");
		return Files.exists(log) ? "\nserver log:\n" + Files.readString(log, StandardCharsets.UTF_8) : "";
	}

	/**
	 * The binaries for this machine, extracted once per version into a directory that
	 * every later run reuses; a marker written last tells a complete extraction from one
	 * a killed run left half done.
	 */
	private static synchronized Path extractedBinaries() throws IOException {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("mac") ? "Darwin" : "Linux";
		String architecture = ArchUtils.normalize(System.getProperty("os.arch"));
		Path target = WORK_ROOT.resolve("binaries-" + os + "-" + architecture + "-" + binariesKey(os, architecture));
		Path complete = target.resolve(".complete");
		if (Files.exists(complete)) {
			return target;
		}
		deleteRecursively(target);
		Files.createDirectories(target);
		try (InputStream txz = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(os, architecture);
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(txz))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("Archive entry outside its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(file.getParent());
					Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(file.getParent());
					Files.copy(tar, file);
					if ((entry.getMode() & 0100) != 0) {
						Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
					}
				}
			}
		}
		Files.createFile(complete);
		return target;
	}

	/**
	 * Names the binaries by where their archive was found (the artifact's jar, whose name
	 * carries its version), so that another version gets a directory of its own.
	 */
	private static String binariesKey(String os, String architecture) {
		String archive = "postgres-" + os.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
		URL found = DefaultPostgresBinaryResolver.class.getClassLoader().getResource(archive);
		return Integer.toHexString(Objects.toString(found).hashCode());
	}

	/**
	 * Clusters whose JVM died without closing them (killed, say): their server is stopped
	 * at once and their directory deleted, so that no run leaves a PostgreSQL behind for
	 * long.
	 */
	private static void removeAbandonedClusters() throws IOException {
		try (Stream<Path> clusters = Files.list(WORK_ROOT)) {
			for (Path cluster : clusters.filter((path) -> path.getFileName().toString().startsWith("cluster-"))
				.toList()) {
				Path owner = cluster.resolve("owner.pid");
				if (!Files.exists(owner)) {
					// Another JVM may be creating it this moment: only an old one is
					// abandoned.
					if (Files.getLastModifiedTime(cluster).toInstant().isAfter(Instant.now().minusSeconds(60))) {
						continue;
					}
				}
				else if (ProcessHandle.of(Long.parseLong(Files.readString(owner).strip()))
					.map(ProcessHandle::isAlive)
					.orElse(false)) {
					continue;
				}
				Path postmasterPid = cluster.resolve("data/postmaster.pid");
				if (Files.exists(postmasterPid)) {
					long postmaster = Long.parseLong(Files.readAllLines(postmasterPid).getFirst().strip());
					ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly);
				}
				deleteRecursively(cluster);
			}
		}
	}

	private static Path runuser() {
		return Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElse(null);
	}

	private static void chown(Path directory, String user) throws IOException {
		UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
		Files.getFileAttributeView(directory, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
			.setOwner(users.lookupPrincipalByName(user));
	}

	private static void requireFree(int port) {
		try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
			socket.setReuseAddress(true);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken (another PostgreSQL?): stop what "
					+ "listens there, or choose another port", ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path directory) {
		if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not delete " + directory, ex);
		}
	}

}
