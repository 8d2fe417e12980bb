package dev.stackbench.workload.cgi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Kills what CGI programs leave behind. Each program starts in a session of its own:
 * util-linux's {@code setsid} makes one and execs the program in its place, so the
 * session's id is the program's pid. A child the program sent to the background, or one
 * whose parent died first, stays in that session though it is nobody's descendant any
 * more (init has adopted it, which also reaps it once killed). After a program has
 * exited, every process still in its session is killed, found in {@code /proc}, until
 * none is left.
 * <p>
 * A process that starts a session of its own escapes, as it would from any CGI gateway
 * short of cgroups. Where there is no {@code setsid} or no {@code /proc} (not Linux),
 * programs run as they are and only their descendants are killed.
 */
final class Sessions {

	/**
	 * Reading the process table costs some 4 ms with 500 processes: done at most this
	 * often, not per program.
	 */
	static final Duration SWEEP_INTERVAL = Duration.ofMillis(250);

	private static final Path PROC = Path.of("/proc");

	private static final Optional<Path> SETSID = Stream.of("/usr/bin/setsid", "/bin/setsid")
		.map(Path::of)
		.filter(Files::isExecutable)
		.findFirst()
		.filter((setsid) -> Files.isDirectory(PROC.resolve("self")));

	/** Sessions whose program has exited, not yet seen empty. */
	private final Set<Long> ended = ConcurrentHashMap.newKeySet();

	private long nextSweep = System.nanoTime();

	/** Whether programs get sessions of their own here. */
	static boolean supported() {
		return SETSID.isPresent();
	}

	/**
	 * The command that runs {@code program} in a session of its own, where that can be
	 * done.
	 */
	static List<String> command(Path program) {
		return SETSID.map((setsid) -> List.of(setsid.toString(), program.toString()))
			.orElseGet(() -> List.of(program.toString()));
	}

	/**
	 * The program with this pid has exited: whatever is still in its session is killed at
	 * the next sweep.
	 */
	void ended(long pid) {
		if (supported()) {
			this.ended.add(pid);
		}
	}

	/**
	 * Kills every process in an ended session; at most once per {@link #SWEEP_INTERVAL},
	 * called by one thread.
	 */
	void sweep() {
		if (this.ended.isEmpty() || System.nanoTime() - this.nextSweep < 0) {
			return;
		}
		this.nextSweep = System.nanoTime() + SWEEP_INTERVAL.toNanos();
		Set<Long> swept = Set.copyOf(this.ended);
		Set<Long> inhabited = new HashSet<>();
		try (DirectoryStream<Path> processes = Files.newDirectoryStream(PROC, Sessions::isProcess)) {
			for (Path process : processes) {
				long session = liveSession(process);
				if (swept.contains(session)) {
					inhabited.add(session);
					ProcessHandle.of(Long.parseLong(process.getFileName().toString()))
						.ifPresent(ProcessHandle::destroyForcibly);
				}
			}
		}
		catch (IOException ex) {
			// The table could not be listed this time; the sessions are swept at the next
			// try.
			return;
		}
		// A session seen inhabited is swept again: a process may have forked while its
		// siblings were killed.
		swept.stream().filter((session) -> !inhabited.contains(session)).forEach(this.ended::remove);
	}

	/** Sessions still to be swept: the watchdog ticks until there are none. */
	int pending() {
		return this.ended.size();
	}

	private static boolean isProcess(Path entry) {
		String name = entry.getFileName().toString();
		return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
	}

	/**
	 * The session of a process that has not exited, from its {@code stat}: after the
	 * command (in parentheses, and which may itself hold any character) come state,
	 * parent, process group and session. -1 for a zombie, already dead, or a process gone
	 * while the table was read.
	 */
	private static long liveSession(Path process) {
		String stat;
		try (InputStream in = Files.newInputStream(process.resolve("stat"))) {
			stat = new String(in.readNBytes(512), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			return -1;
		}
		int command = stat.lastIndexOf(')');
		String[] fields = (command < 0) ? new String[0] : stat.substring(command + 1).strip().split(" ", 5);
		if (fields.length < 5 || fields[0].equals("Z")) {
			return -1;
		}
		try {
			return Long.parseLong(fields[3]);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

}
