package dev.stackbench.contract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The machine's process table, as the CGI tests see it: the processes this JVM started
 * (the app runs in it) and the zombies anywhere, read from {@code /proc}.
 */
public final class ProcessTable {

	private ProcessTable() {
	}

	/**
	 * Waits for every process this JVM started to be gone and reaped, failing after
	 * {@code patience}.
	 */
	public static void assertNothingLeftWithin(Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		while ((descendants().findAny().isPresent() || !zombies().isEmpty()) && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(descendants().map(ProcessHandle::info).map(Object::toString)).as("processes left running").isEmpty();
		assertThat(zombies()).as("zombie processes").isEmpty();
	}

	/**
	 * Waits until at least {@code count} processes this JVM started run {@code command}
	 * (a file name).
	 */
	public static void awaitRunning(String command, int count, Duration patience) throws InterruptedException {
		long deadline = System.nanoTime() + patience.toNanos();
		while (running(command) < count && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(running(command))
			.as(() -> command + " processes among " + descendants().map(ProcessHandle::info).toList())
			.isGreaterThanOrEqualTo(count);
	}

	private static long running(String command) {
		return descendants()
			.filter((process) -> process.info()
				.command()
				.map((path) -> Path.of(path).getFileName().toString().equals(command))
				.orElse(false))
			.count();
	}

	private static Stream<ProcessHandle> descendants() {
		return ProcessHandle.current().descendants();
	}

	/** Processes in state Z: exited, but never reaped by their parent. */
	private static List<String> zombies() {
		try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
			return entries.filter((entry) -> entry.getFileName().toString().matches("[0-9]+"))
				.map((entry) -> readQuietly(entry.resolve("stat")))
				.filter((stat) -> stat.substring(stat.lastIndexOf(')') + 1).startsWith(" Z"))
				.toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String readQuietly(Path stat) {
		try {
			return Files.readString(stat);
		}
		catch (IOException ex) {
			// The process exited while the table was read.
			return "";
		}
	}

}
