package dev.stackbench.workload.cgi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.stackbench.workload.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class CgiGatewayTests {

	/** The programs the apps ship, run from the module directory. */
	private static final Path SHIPPED = Path.of("..", "cgi-bin");

	@TempDir
	Path directory;

	@BeforeEach
	@AfterEach
	void noProcessIsLeftBehind() throws InterruptedException {
		assertNoDescendantsWithin(Duration.ofSeconds(2));
	}

	@Test
	void helloAnswersAsAShippedProgram() {
		CgiResponse response = gateway(SHIPPED).run(get("hello.cgi", null), new byte[0], () -> false);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.contentType()).isEqualTo("text/plain");
		assertThat(response.body()).asString().isEqualTo("Hello from CGI\n");
	}

	@Test
	void envSeesTheMetaVariablesAndNothingElse() {
		CgiResponse response = gateway(SHIPPED).run(get("env.cgi", "a=1"), new byte[0], () -> false);
		String printed = new String(response.body(), StandardCharsets.UTF_8);
		assertThat(printed).contains("GATEWAY_INTERFACE=CGI/1.1\n", "QUERY_STRING=a=1\n", "REQUEST_METHOD=GET\n",
				"SCRIPT_NAME=/api/cgi/env.cgi\n", "PATH=" + CgiRequest.PATH + "\n");
		assertThat(printed).doesNotContain("HOME=", "USER=", "JAVA_HOME=", "MAVEN");
	}

	@Test
	void theBodyArrivesOnStandardInput() throws IOException {
		script("cat.cgi", "printf 'Content-Type: text/plain\\n\\n'; cat");
		byte[] body = "x".repeat(60_000).getBytes(StandardCharsets.US_ASCII);
		CgiResponse response = gateway(this.directory).run(get("cat.cgi", null), body, () -> false);
		assertThat(response.body()).isEqualTo(body);
	}

	@Test
	void slowIsKilledWithItsChildAtTheTimeLimit() {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofMillis(300), 1024, 4, null);
		long start = System.nanoTime();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("slow.cgi", "delay=5000"), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(504));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	/**
	 * An app that runs no CGI program pays nothing for the gateway: the watchdog ticks
	 * only while a program runs or its leftovers are to be swept, and ticks again for the
	 * next program, whose time limit still holds.
	 */
	@Test
	void theWatchdogTicksOnlyWhileThereIsSomethingToWatch() {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofMillis(300), 1024, 4, null);
		assertThat(gateway.watching()).isFalse();
		assertThat(gateway.run(get("hello.cgi", null), new byte[0], () -> false).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.watching());
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("slow.cgi", "delay=5000"), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(504));
		await().atMost(Duration.ofSeconds(5)).until(() -> !gateway.watching());
	}

	@Test
	void anAbandonedRequestHasItsProcessKilled() {
		AtomicBoolean gone = new AtomicBoolean();
		Thread.ofVirtual().start(() -> {
			sleep(Duration.ofMillis(200));
			gone.set(true);
		});
		long start = System.nanoTime();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway(SHIPPED).run(get("slow.cgi", "delay=5000"), new byte[0], gone::get))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(400));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void cancellingTheAnswerKillsTheProgramAndFreesItsSlot() throws Exception {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofSeconds(10), 1024, 1, null);
		CompletableFuture<CgiResponse> answer = gateway.admit(get("slow.cgi", "delay=5000"))
			.start(new byte[0], () -> false);
		sleep(Duration.ofMillis(200));
		assertThat(answer).isNotDone();
		answer.cancel(true);
		assertNoDescendantsWithin(Duration.ofSeconds(1));
		// The one slot is free again once the program has gone (its exit, seen by the
		// JDK's reaper, frees it).
		CgiResponse next = await().atMost(Duration.ofSeconds(1))
			.pollInterval(Duration.ofMillis(20))
			.ignoreException(ProblemException.class)
			.until(() -> gateway.run(get("hello.cgi", null), new byte[0], () -> false), (response) -> true);
		assertThat(next.status()).isEqualTo(200);
		gateway.close();
	}

	@Test
	void anAnswerCancelledAtOnceStartsNothingThatOutlivesItAndFreesItsSlot() throws Exception {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofSeconds(10), 1024, 1, 1);
		for (int i = 0; i < 20; i++) {
			// Cancelled before or just after its starter thread has started it: either
			// way it is gone at once. Its slot is freed only once it has exited, or when
			// it was turned away unstarted.
			CompletableFuture<CgiResponse> answer = gateway.admit(get("slow.cgi", "delay=5000"))
				.start(new byte[0], () -> false);
			answer.cancel(true);
			await().atMost(Duration.ofSeconds(1))
				.pollInterval(Duration.ofMillis(10))
				.ignoreException(ProblemException.class)
				.untilAsserted(() -> gateway.admit(get("hello.cgi", null)).close());
			assertNoDescendantsWithin(Duration.ofSeconds(1));
		}
		gateway.close();
	}

	@Test
	void aClientCheckThatFailsKillsItsProgramAndTheWatchdogWatchesOn() {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofMillis(500), 1024, 4, null);
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("slow.cgi", "delay=5000"), new byte[0], () -> {
				throw new IllegalStateException("the socket check broke");
			}))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(502));
		// Had the exception escaped the watchdog, no later tick would run and this would
		// sleep its 5 s.
		long start = System.nanoTime();
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("slow.cgi", "delay=5000"), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(504));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		gateway.close();
	}

	@Test
	void failuresOfTheProgramAreBadGateway() throws IOException {
		script("fails.cgi", "printf 'Content-Type: text/plain\\n\\npartial'; exit 3");
		script("garbled.cgi", "echo 'this is not a header'");
		script("chatty.cgi", "printf 'Content-Type: text/plain\\n\\n'; yes");
		// Executable, but its interpreter does not exist: it cannot even start.
		Files.writeString(this.directory.resolve("broken.cgi"), "#!/nonexistent/interpreter\n");
		Files.setPosixFilePermissions(this.directory.resolve("broken.cgi"),
				PosixFilePermissions.fromString("rwxr-xr-x"));
		for (String name : List.of("fails.cgi", "garbled.cgi", "chatty.cgi", "broken.cgi")) {
			assertThatExceptionOfType(ProblemException.class).as(name)
				.isThrownBy(() -> gateway(this.directory).run(get(name, null), new byte[0], () -> false))
				.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(502));
		}
	}

	@Test
	void eachProgramRunsInASessionOfItsOwn() throws IOException {
		assumeTrue(Sessions.supported(), "no setsid here");
		// The shell's own stat: pid (command) state ppid pgrp session ...
		script("session.cgi", "read -r stat < /proc/self/stat; printf 'Content-Type: text/plain\\n\\n%s' \"$stat\"");
		String stat = new String(gateway(this.directory).run(get("session.cgi", null), new byte[0], () -> false).body(),
				StandardCharsets.US_ASCII);
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
		assertThat(List.of(Long.parseLong(fields[2]), Long.parseLong(fields[3])))
			.as("process group and session of " + stat)
			.containsExactly(pid, pid);
	}

	@Test
	void whatAProgramLeavesRunningIsKilledAfterIt() throws IOException, InterruptedException {
		assumeTrue(Sessions.supported(), "no setsid here");
		String answered = marker();
		String failed = marker();
		String orphaned = marker();
		script("background.cgi", "sleep " + answered + " >/dev/null 2>&1 & printf 'Content-Type: text/plain\\n\\nok'");
		script("fails.cgi", "sleep " + failed + " & exit 3");
		// The subshell exits at once: its sleep is nobody's descendant while the program
		// waits for its time limit.
		script("orphans.cgi", "(sleep " + orphaned + " &); sleep 10");
		CgiGateway gateway = new CgiGateway(this.directory, Duration.ofMillis(500), 1024, 4, null);
		assertThat(gateway.run(get("background.cgi", null), new byte[0], () -> false).body()).asString()
			.isEqualTo("ok");
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("fails.cgi", null), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(502));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> gateway.run(get("orphans.cgi", null), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(504));
		for (String marker : List.of(answered, failed, orphaned)) {
			assertNoneRunningWithin(marker, Duration.ofSeconds(2));
		}
		gateway.close();
	}

	@Test
	void onlyExecutableRegularFilesInsideTheDirectoryRun() throws IOException {
		Path outside = Files.createTempDirectory("outside");
		Path escaped = outside.resolve("escaped.cgi");
		Files.writeString(escaped, "#!/bin/sh\nprintf 'Content-Type: text/plain\\n\\nescaped'\n");
		Files.setPosixFilePermissions(escaped, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createSymbolicLink(this.directory.resolve("link.cgi"), escaped);
		Files.writeString(this.directory.resolve("plain.cgi"), "#!/bin/sh\necho no\n");
		Files.createDirectory(this.directory.resolve("dir.cgi"));
		for (String name : List.of("link.cgi", "plain.cgi", "dir.cgi", "missing.cgi")) {
			assertThatExceptionOfType(ProblemException.class).as(name)
				.isThrownBy(() -> gateway(this.directory).run(get(name, null), new byte[0], () -> false))
				.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(404));
		}
		assertThatExceptionOfType(ProblemException.class).isThrownBy(
				() -> gateway(this.directory.resolve("absent")).run(get("hello.cgi", null), new byte[0], () -> false))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(404));
	}

	@Test
	void pastTheProcessBoundRequestsAreTurnedAwayAtOnce() throws Exception {
		CgiGateway gateway = new CgiGateway(SHIPPED, Duration.ofSeconds(10), 1024, 2, null);
		CountDownLatch release = new CountDownLatch(1);
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<CgiResponse>> running = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				running.add(clients.submit(
						() -> gateway.run(get("slow.cgi", "delay=5000"), new byte[0], () -> release.getCount() == 0)));
			}
			// Both slots are taken once both programs run.
			await().atMost(Duration.ofSeconds(5))
				.until(() -> ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count() >= 2);
			assertThatExceptionOfType(ProblemException.class)
				.isThrownBy(() -> gateway.run(get("hello.cgi", null), new byte[0], () -> false))
				.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(503));
			release.countDown();
		}
		assertThat(gateway.run(get("hello.cgi", null), new byte[0], () -> false).status()).isEqualTo(200);
	}

	private static CgiGateway gateway(Path directory) {
		return new CgiGateway(directory, Duration.ofSeconds(5), 64 * 1024, 8, null);
	}

	private static CgiRequest get(String script, String query) {
		return new CgiRequest("GET", "/api/cgi/" + script, query, "HTTP/1.1", "localhost:8080", 8080, "127.0.0.1",
				List.of(Map.entry("Host", "localhost:8080")), 0);
	}

	private void script(String name, String body) throws IOException {
		Path script = this.directory.resolve(name);
		Files.writeString(script, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/**
	 * Every CGI process, and every child of one, has exited: none is a descendant any
	 * more. (The contract suite's CgiLimitsTests also checks for zombies, on both apps.)
	 */
	static void assertNoDescendantsWithin(Duration patience) {
		await().atMost(patience)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(
					ProcessHandle.current().descendants().map(ProcessHandle::info).map(Object::toString))
				.as("processes left behind")
				.isEmpty());
	}

	/** A sleep time no other process on the machine has on its command line. */
	private static String marker() {
		return "30." + System.nanoTime();
	}

	/**
	 * No live process has {@code argument} on its command line (a zombie has none):
	 * killed, wherever it was.
	 */
	private static void assertNoneRunningWithin(String argument, Duration patience) {
		await().atMost(patience)
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(running(argument)).as("processes left running with " + argument).isEmpty());
	}

	private static List<String> running(String argument) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().arguments().map(List::of).orElse(List.of()).contains(argument))
			.map((process) -> process.pid() + " " + process.info())
			.toList();
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
