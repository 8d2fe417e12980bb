package dev.stackbench.comparison.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

import com.sun.tools.attach.VirtualMachine;
import dev.stackbench.comparison.result.ProfileEvent;

/**
 * async-profiler, from its Maven artifact ({@code tools.profiler:async-profiler}, on the
 * comparison's class path): its native library for this machine, copied out of the jar
 * once, loaded into a running app with the JDK's attach API (the same as its own
 * {@code asprof} does) and told to start, stop and write its output. Attached only for a
 * profiled window, never at the app's start, so that no other window runs with it: once
 * loaded it stays in the process idle, which is why the runner profiles a fork only after
 * every window it measures.
 * <p>
 * Loaded this way it turns on the JVM's debug information at non-safepoints for what the
 * JIT compiles from then on (the JVM does so for any agent that listens to compiled
 * methods); methods compiled during the warm-up keep theirs, so a sample in an inlined
 * method may be shown in its caller, of another package at times.
 */
public final class AsyncProfiler {

	private static final String POM_PROPERTIES = "META-INF/maven/tools.profiler/async-profiler/pom.properties";

	private final Path library;

	private final String version;

	private AsyncProfiler(Path library, String version) {
		this.library = library;
		this.version = version;
	}

	/**
	 * The profiler for this machine's operating system and architecture, its library
	 * copied from the class path into a temporary folder of this run's own (never one a
	 * name would let another user place a library in first), removed when the run ends.
	 * @throws IllegalStateException where the jar is not on the class path or has no
	 * library for this machine
	 */
	public static AsyncProfiler load() {
		String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
		String version = jarVersion();
		Path library = null;
		try (InputStream in = AsyncProfiler.class.getClassLoader()
			.getResourceAsStream(platform + "/libasyncProfiler.so")) {
			if (in == null) {
				throw new IllegalStateException("async-profiler " + version + " has no library for " + platform);
			}
			Path folder = Files.createTempDirectory("stackbench-async-profiler-");
			library = folder.resolve("libasyncProfiler.so");
			Files.copy(in, library);
			library.toFile().deleteOnExit();
			folder.toFile().deleteOnExit();
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not copy async-profiler's library to " + library, ex);
		}
		return new AsyncProfiler(library, version);
	}

	/** The jar's folder for an operating system and architecture, as Java names them. */
	static String platform(String os, String arch) {
		String system = os.toLowerCase(Locale.ROOT);
		if (system.contains("mac")) {
			return "macos";
		}
		if (!system.contains("linux")) {
			throw new IllegalStateException("async-profiler runs on Linux and macOS, not " + os);
		}
		return switch (arch) {
			case "amd64", "x86_64" -> "linux-x64";
			case "aarch64", "arm64" -> "linux-arm64";
			default -> throw new IllegalStateException("async-profiler has no library for Linux on " + arch);
		};
	}

	private static String jarVersion() {
		try (InputStream in = AsyncProfiler.class.getClassLoader().getResourceAsStream(POM_PROPERTIES)) {
			if (in == null) {
				throw new IllegalStateException("async-profiler (tools.profiler:async-profiler) is not on the class "
						+ "path: the comparison's pom.xml depends on it");
			}
			Properties properties = new Properties();
			properties.load(in);
			return Optional.ofNullable(properties.getProperty("version")).orElse("unknown");
		}
		catch (IOException ex) {
			throw new IllegalStateException("could not read async-profiler's version", ex);
		}
	}

	public String version() {
		return this.version;
	}

	/** Starts sampling {@code event} in process {@code pid}. */
	public void start(long pid, ProfileEvent event) throws IOException {
		command(pid, "start," + arguments(event));
	}

	/** async-profiler's arguments that sample an event. */
	static String arguments(ProfileEvent event) {
		return switch (event) {
			// The thread's CPU clock (timer_create), every millisecond of it, rather than
			// perf events: measured here at 3,000 req/s, perf events at 1 ms doubled the
			// platform app's CPU per request (a perf event per thread, and Tomcat has
			// 200)
			// and at 10 ms still added 5 to 10%, this timer about 1%. Its samples carry
			// no
			// kernel frames: the kernel's time shows under the system call's wrapper.
			case CPU -> "event=ctimer,interval=1ms";
			case ALLOC -> "event=alloc";
			case WALL -> "event=wall,interval=20ms";
			case LOCK -> "event=lock";
		};
	}

	/**
	 * Stops sampling and writes what it sampled into {@code folder}: the collapsed stacks
	 * ({@code <event>.collapsed}, a stack and its total per line) and the interactive
	 * flame graph ({@code <event>.html}), both counting the event's unit rather than
	 * samples.
	 * @return the collapsed stacks' file
	 */
	public Path stop(long pid, ProfileEvent event, Path folder, String title) throws IOException {
		Files.createDirectories(folder);
		Path collapsed = folder.resolve(event.id() + ".collapsed").toAbsolutePath();
		Path flameGraph = folder.resolve(event.id() + ".html").toAbsolutePath();
		command(pid, "stop,total,collapsed,file=" + collapsed);
		// What stop sampled stays until the next start: dump writes it again, as HTML.
		command(pid, "dump,total,title=" + title.replace(',', ' ') + ",file=" + flameGraph);
		// The collapsed stacks may be empty (a lock profile of a window with no contended
		// lock); the flame graph never is.
		if (!Files.isRegularFile(collapsed) || !Files.isRegularFile(flameGraph) || Files.size(flameGraph) == 0) {
			throw new IOException("async-profiler wrote no " + event.id() + " profile for process " + pid
					+ " (its errors are in the app's log)");
		}
		return collapsed;
	}

	/**
	 * One async-profiler command in the process: its library loaded through the attach
	 * API (loading it again runs the command, as {@code asprof} does); an error it
	 * reports becomes an exception, its text in the app's log.
	 */
	private void command(long pid, String arguments) throws IOException {
		VirtualMachine machine;
		try {
			machine = VirtualMachine.attach(String.valueOf(pid));
		}
		catch (Exception ex) {
			throw new IOException("could not attach to process " + pid + " to profile it: " + ex.getMessage(), ex);
		}
		try {
			machine.loadAgentPath(this.library.toString(), arguments);
		}
		catch (Exception ex) {
			throw new IOException("async-profiler " + this.version + " refused '" + arguments + "' in process " + pid
					+ " (" + ex.getMessage() + "; its own message is in the app's log)", ex);
		}
		finally {
			try {
				machine.detach();
			}
			catch (IOException ex) {
				// The command's own outcome is what matters; a detach that fails leaves
				// nothing behind in the app.
			}
		}
	}

}
