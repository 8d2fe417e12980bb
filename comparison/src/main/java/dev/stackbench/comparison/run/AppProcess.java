package dev.stackbench.comparison.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import dev.stackbench.comparison.result.Contender;

/**
 * One stack's app running as its own JVM, started from its jar with the same JVM options
 * as every other stack, on free ports, pinned to its own cores once started where
 * {@code taskset} exists. Closing it stops the JVM gracefully.
 */
final class AppProcess implements AutoCloseable {

	private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

	/** Spring Boot's graceful shutdown takes at most 30 s. */
	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

	/** The app's JVM, stopped gracefully (Spring Boot's 30 s) when closed. */
	private final StartedProcess started;

	private final Process process;

	private final Target target;

	/**
	 * How it was started, so that {@link #again} starts it the same way on the same
	 * ports.
	 */
	private final List<String> command;

	private final CpuSplit.Placement placement;

	/** Where its output goes. */
	private final Path log;

	/** When its process was seen to end, once it has. */
	private final CompletableFuture<Instant> ended;

	private AppProcess(Process process, Target target, List<String> command, CpuSplit.Placement placement, Path log) {
		this.started = new StartedProcess(process, target.stack().id(), STOP_TIMEOUT);
		this.process = process;
		this.target = target;
		this.command = command;
		this.placement = placement;
		this.log = log;
		this.ended = process.onExit().thenApply((exited) -> Instant.now());
	}

	/**
	 * @param placement the cores it runs on once healthy
	 * @param jvm how its JVM is started, the same for every stack
	 * @param arguments more application arguments (properties), after the ones every app
	 * gets
	 */
	static AppProcess start(Contender stack, Path projectRoot, CpuSplit.Placement placement, List<String> arguments,
			Path log) throws IOException {
		return start(stack, projectRoot, placement, AppJvm.of("G1"), arguments, log, false);
	}

	/**
	 * @param tls whether the app's port serves TLS, HTTP/2 and HTTP/1.1 by ALPN (its
	 * {@code h2} profile besides the model's); its certificate is made by the app at
	 * start-up, and Gatling trusts any
	 */
	static AppProcess start(Contender stack, Path projectRoot, CpuSplit.Placement placement, AppJvm jvm,
			List<String> arguments, Path log, boolean tls) throws IOException {
		return start(stack, projectRoot, placement, jvm, AppLaunch.plain(jar(projectRoot, stack.app())), arguments, log,
				tls);
	}

	/**
	 * @param launch its jar, and the options that come with it (its AOT cache's)
	 */
	static AppProcess start(Contender stack, Path projectRoot, CpuSplit.Placement placement, AppJvm jvm,
			AppLaunch launch, List<String> arguments, Path log, boolean tls) throws IOException {
		int port = freePort();
		int managementPort = freePort();
		List<String> command = javaJar(placement, jvm, launch);
		command.addAll(List.of("--server.port=" + port, "--management.server.port=" + managementPort,
				"--spring.profiles.active=" + stack.profile() + (tls ? ",h2" : ""),
				"--stackbench.cgi.directory=" + projectRoot.resolve("cgi-bin")));
		command.addAll(arguments);
		Target target = new Target(stack, URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port),
				URI.create("http://127.0.0.1:" + managementPort));
		return launch(command, target, placement, log);
	}

	/**
	 * The stack's bare Spring Boot app ({@code bare-servlet-app} or
	 * {@code bare-reactive-app}: one controller, nothing of stackbench's) with the same
	 * JVM options and its serving model's profile, which sets what the model's own
	 * profile sets on the server.
	 * @param launch the bare app's jar, and the options that come with it
	 */
	static AppProcess startBare(Contender stack, CpuSplit.Placement placement, AppJvm jvm, AppLaunch launch, Path log)
			throws IOException {
		int port = freePort();
		List<String> command = javaJar(placement, jvm, launch);
		command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=" + stack.profile()));
		return launch(command, Target.bare(stack, URI.create("http://127.0.0.1:" + port)), placement, log);
	}

	/**
	 * The command up to the jar, the same for an app and a bare app: the open-files
	 * limit, its placement, the JVM options every app gets and those of its launch.
	 */
	private static List<String> javaJar(CpuSplit.Placement placement, AppJvm jvm, AppLaunch launch) {
		List<String> command = new ArrayList<>(OpenFiles.RAISE);
		command.addAll(placement.command());
		command.addAll(jvm.command(placement));
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-jar", launch.jar().toString()));
		return command;
	}

	private static AppProcess launch(List<String> command, Target target, CpuSplit.Placement placement, Path log)
			throws IOException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		AppProcess app = new AppProcess(process, target, List.copyOf(command), placement, log);
		try {
			app.awaitHealthy(log);
			placement.confine(process.pid());
		}
		catch (RuntimeException | IOException ex) {
			app.close();
			throw ex;
		}
		return app;
	}

	/**
	 * The same app started again, with the same command on the same ports, once this one
	 * has stopped: a replica coming back behind its load balancer, which knows it by its
	 * port.
	 */
	AppProcess again(Path log) throws IOException {
		return launch(this.command, this.target, this.placement, log);
	}

	/**
	 * Sends the app SIGTERM ({@code graceful}: Spring Boot's graceful shutdown finishes
	 * the requests in flight) or SIGKILL (a crash: nothing finishes) and waits until it
	 * has exited; how long that took.
	 */
	Duration stop(boolean graceful) {
		Instant sent = Instant.now();
		if (graceful) {
			this.process.destroy();
		}
		else {
			this.process.destroyForcibly();
		}
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return Duration.between(sent, Instant.now());
	}

	Target target() {
		return this.target;
	}

	/**
	 * When and of what the app died, if its process has ended without being stopped here:
	 * the error its JVM ended on, as its log's last {@code -XX:+ExitOnOutOfMemoryError}
	 * line names it ("Terminating due to java.lang.OutOfMemoryError: Java heap space"),
	 * else its exit status.
	 */
	Optional<Ended> ended() {
		if (this.process.isAlive()) {
			return Optional.empty();
		}
		return Optional.of(new Ended(this.ended.join(), cause(this.log, this.process.exitValue())));
	}

	/** How an app's process ended. */
	record Ended(Instant at, String cause) {
	}

	static String cause(Path log, int exitValue) {
		String terminating = "Terminating due to java.lang.";
		try (Stream<String> lines = Files.lines(log)) {
			Optional<String> error = lines.filter((line) -> line.contains(terminating))
				.reduce((first, second) -> second)
				.map((line) -> line.substring(line.indexOf(terminating) + terminating.length()).strip());
			if (error.isPresent()) {
				return error.get();
			}
		}
		catch (IOException | UncheckedIOException ex) {
			// No log to read: the exit status says what there is.
		}
		// A process killed by signal N exits with 128 + N, as a shell reports it.
		return (exitValue > 128) ? "killed by signal " + (exitValue - 128) : "exited with status " + exitValue;
	}

	/**
	 * Lets every thread of the app run on {@code cpus} until {@link #confine()}: its
	 * warm-up, whose JIT compilation then has a core beside the one serving.
	 */
	void release(Optional<String> cpus) throws IOException {
		CpuSplit.confine(this.process.pid(), cpus);
	}

	/** Confines every thread of the app to its own cores again. */
	void confine() throws IOException {
		this.placement.confine(this.process.pid());
	}

	/**
	 * The open-files limit an app is started with: a connection is a file, and
	 * idle-connections holds 10,000 of them. Raised to {@link #WANTED} with util-linux's
	 * {@code prlimit} where this machine allows it (the right to raise a hard limit);
	 * elsewhere the app keeps this process's limit, whose soft part the JVM raises to the
	 * hard one by itself. The report shows what each app got.
	 */
	private static final class OpenFiles {

		private static final int WANTED = 65_536;

		static final List<String> RAISE = raise();

		private static List<String> raise() {
			List<String> prefix = List.of("prlimit", "--nofile=" + WANTED + ":" + WANTED, "--");
			try {
				List<String> check = new ArrayList<>(prefix);
				check.add("true");
				Process process = new ProcessBuilder(check).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				return (process.waitFor(5, TimeUnit.SECONDS) && process.exitValue() == 0) ? prefix : List.of();
			}
			catch (IOException ex) {
				return List.of();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return List.of();
			}
		}

	}

	ProcessHandle handle() {
		return this.process.toHandle();
	}

	/**
	 * Waits until the management port reports UP (a bare app: its plain page answers), or
	 * fails with the app's log when it dies or takes too long.
	 */
	static void awaitHealthy(Target target, Duration timeout, ProcessHandle process) throws IOException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(1))
			.build();
		HttpRequest health = HttpRequest.newBuilder(target.health()).timeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (process != null && !process.isAlive()) {
				throw new IOException(target.stack().id() + " exited before it was healthy");
			}
			try {
				HttpResponse<String> response = client.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && (target.isBare() || response.body().contains("\"UP\""))) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while waiting for " + target.stack().id(), ex);
			}
			sleep(Duration.ofMillis(250));
		}
		throw new IOException(target.stack().id() + " was not healthy at " + target.health() + " within "
				+ timeout.toSeconds() + " s");
	}

	private void awaitHealthy(Path log) throws IOException {
		try {
			awaitHealthy(this.target, START_TIMEOUT, this.process.toHandle());
		}
		catch (IOException ex) {
			throw new IOException(ex.getMessage() + "; its log: " + log, ex);
		}
	}

	@Override
	public void close() {
		this.started.close();
	}

	/** The Spring Boot version the app's jar was built with, from its manifest. */
	static Optional<String> springBootVersion(Path projectRoot, String app) {
		try (JarFile jar = new JarFile(jar(projectRoot, app).toFile())) {
			return Optional.ofNullable(jar.getManifest().getMainAttributes().getValue("Spring-Boot-Version"));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	static Path jar(Path projectRoot, String app) throws IOException {
		Path target = projectRoot.resolve(app).resolve("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((file) -> file.getFileName().toString().matches(app + "-.*\\.jar"))
				.findFirst()
				.orElseThrow(
						() -> new IOException("no " + app + " jar in " + target + "; build it first: ./mvnw package"));
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new IOException("no " + target + "; build the apps first: ./mvnw package", ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
