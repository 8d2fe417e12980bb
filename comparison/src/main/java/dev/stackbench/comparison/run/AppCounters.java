package dev.stackbench.comparison.run;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;
import dev.stackbench.comparison.result.ProcessCounters;

/**
 * Reads an app process's cumulative counters ({@link ProcessCounters}): its CPU from
 * Linux's {@code /proc} (the process's {@code stat}, and a window's thread by thread in
 * nanoseconds, {@link #readClosing()}), which any process has, and its heap allocation
 * and garbage collection from the JVM itself, over JMX on the local management agent that
 * the attach API starts in it (no JVM option needed, so a bare Spring Boot app is read
 * alike). Where the JVM cannot be attached to, those two read -1.
 */
final class AppCounters implements AutoCloseable {

	/**
	 * Linux's clock ticks a second, the unit of {@code /proc}'s CPU times: 100 on every
	 * kernel built for x86 and ARM (USER_HZ), which {@code getconf CLK_TCK} reports.
	 */
	private static final long TICKS_PER_SECOND = 100;

	private final long pid;

	private final Optional<JMXConnector> connector;

	private final Optional<com.sun.management.ThreadMXBean> threads;

	private final List<GarbageCollectorMXBean> collectors;

	/**
	 * A window's CPU may come out at most this much under the process's clock-tick count
	 * before the tick count is trusted instead: a thread that ended in the window takes
	 * what it spent there with it from the thread-by-thread sum.
	 */
	private static final long ENDED_THREADS_TOLERANCE_NANOS = 3 * (1_000_000_000L / TICKS_PER_SECOND);

	/** Each thread's CPU at the opening reading, and the process's. */
	private Map<Long, ThreadCpu> openingThreads = Map.of();

	private long openingTickNanos;

	private long openingCpuNanos;

	private AppCounters(long pid, Optional<JMXConnector> connector, Optional<com.sun.management.ThreadMXBean> threads,
			List<GarbageCollectorMXBean> collectors) {
		this.pid = pid;
		this.connector = connector;
		this.threads = threads;
		this.collectors = collectors;
	}

	/**
	 * Attaches to the JVM of process {@code pid}, starting its local management agent if
	 * it has none: done before a window opens, since starting the agent costs the app
	 * CPU.
	 */
	static AppCounters attach(long pid) {
		try {
			VirtualMachine machine = VirtualMachine.attach(String.valueOf(pid));
			String address;
			try {
				address = machine.startLocalManagementAgent();
			}
			finally {
				machine.detach();
			}
			JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
			MBeanServerConnection connection = connector.getMBeanServerConnection();
			com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(connection,
					ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
			return new AppCounters(pid, Optional.of(connector), Optional.of(threads),
					ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class));
		}
		catch (Exception ex) {
			return new AppCounters(pid, Optional.empty(), Optional.empty(), List.of());
		}
	}

	long pid() {
		return this.pid;
	}

	/**
	 * Reads the JVM's counters first, then the CPU, so that asking the JVM costs the
	 * window nothing.
	 */
	ProcessCounters readOpening() throws IOException {
		long allocated = allocatedBytes();
		long gcMillis = gcMillis();
		long gcCount = gcCount();
		this.openingThreads = threads(this.pid);
		this.openingTickNanos = cpuNanos(this.pid);
		this.openingCpuNanos = this.openingTickNanos;
		return new ProcessCounters(this.openingCpuNanos, allocated, gcMillis, gcCount,
				compilerNanos(this.openingThreads));
	}

	/**
	 * Reads the CPU first, then the JVM's counters, for the same reason. The window's CPU
	 * is what each thread has spent since the opening reading, in nanoseconds: the
	 * process's own count moves in clock ticks of 10 ms, a 1.1 µs step per request in a
	 * window of 9,000 requests, which was a third of the difference between an app and
	 * its bare Spring Boot app on the plain page (measured here, CPU per request came out
	 * only as 73.3, 76.7, 80.0 or 81.1 µs). A thread that ended in the window takes its
	 * share with it; where the process's ticks say more was lost than their rounding,
	 * they are trusted instead.
	 */
	ProcessCounters readClosing() throws IOException {
		Map<Long, ThreadCpu> closing = threads(this.pid);
		long ticks = cpuNanos(this.pid) - this.openingTickNanos;
		long precise = nanosBetween(this.openingThreads, closing, (thread) -> true);
		long cpu = this.openingCpuNanos + ((precise < ticks - ENDED_THREADS_TOLERANCE_NANOS) ? ticks : precise);
		long compiler = compilerNanos(this.openingThreads)
				+ nanosBetween(this.openingThreads, closing, ThreadCpu::compiler);
		return new ProcessCounters(cpu, allocatedBytes(), gcMillis(), gcCount(), compiler);
	}

	/**
	 * The process's CPU and the JVM's counters, the compiler threads' left unread (-1):
	 * for a span around windows that read their own, which this leaves undisturbed.
	 */
	ProcessCounters readSpan() throws IOException {
		return new ProcessCounters(cpuNanos(this.pid), allocatedBytes(), gcMillis(), gcCount(), -1);
	}

	/**
	 * The process's user and system CPU from {@code /proc/<pid>/stat}, every thread's,
	 * ended ones included.
	 */
	static long cpuNanos(long pid) throws IOException {
		return ticks(Files.readString(Path.of("/proc", String.valueOf(pid), "stat")))
				* (1_000_000_000L / TICKS_PER_SECOND);
	}

	/** User and system clock ticks from a process's or a thread's {@code stat}. */
	private static long ticks(String stat) {
		// The command name in parentheses may hold spaces: the fields follow its last
		// ')'.
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
		// utime and stime are the stat file's 14th and 15th fields; the state, its 3rd,
		// is fields[0].
		return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** One thread's CPU so far, in nanoseconds, and whether it is a JIT compiler's. */
	record ThreadCpu(long nanos, boolean compiler) {
	}

	/**
	 * Every thread alive now, by thread id, from {@code /proc/<pid>/task}: its CPU in
	 * nanoseconds from the scheduler's own count ({@code schedstat}'s first field; the
	 * clock ticks of its {@code stat} on a kernel without it), and whether it is one of
	 * the JIT's compiler threads ({@code C1 CompilerThre}, {@code C2 CompilerThre}, as
	 * Linux shortens their names): what an app still compiling spends besides its
	 * requests.
	 */
	static Map<Long, ThreadCpu> threads(long pid) throws IOException {
		Map<Long, ThreadCpu> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String comm = Files.readString(task.resolve("comm"));
					threads.put(Long.parseLong(task.getFileName().toString()),
							new ThreadCpu(threadNanos(task), comm.startsWith("C") && comm.contains("CompilerThre")));
				}
				catch (IOException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return threads;
	}

	private static long threadNanos(Path task) throws IOException {
		Path schedstat = task.resolve("schedstat");
		if (Files.exists(schedstat)) {
			String[] fields = Files.readString(schedstat).trim().split("\\s+");
			// A kernel without the scheduler's statistics shows zeros here.
			if (fields.length > 0 && fields[0].matches("\\d+") && !fields[0].equals("0")) {
				return Long.parseLong(fields[0]);
			}
		}
		return ticks(Files.readString(task.resolve("stat"))) * (1_000_000_000L / TICKS_PER_SECOND);
	}

	/**
	 * What the threads {@code counted} spent between two readings, thread by thread: the
	 * JVM starts and ends threads (compiler threads as their queue grows and empties), so
	 * the sums of two readings differ by more than was spent. A thread that ended between
	 * them loses what it spent after the first.
	 */
	static long nanosBetween(Map<Long, ThreadCpu> earlier, Map<Long, ThreadCpu> later, Predicate<ThreadCpu> counted) {
		return later.entrySet()
			.stream()
			.filter((thread) -> counted.test(thread.getValue()))
			.mapToLong((thread) -> thread.getValue().nanos()
					- Optional.ofNullable(earlier.get(thread.getKey())).map(ThreadCpu::nanos).orElse(0L))
			.sum();
	}

	private static long compilerNanos(Map<Long, ThreadCpu> threads) {
		return threads.values().stream().filter(ThreadCpu::compiler).mapToLong(ThreadCpu::nanos).sum();
	}

	private long allocatedBytes() {
		try {
			return this.threads.map(com.sun.management.ThreadMXBean::getTotalThreadAllocatedBytes).orElse(-1L);
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	private long gcMillis() {
		return sum(GarbageCollectorMXBean::getCollectionTime);
	}

	private long gcCount() {
		return sum(GarbageCollectorMXBean::getCollectionCount);
	}

	private long sum(java.util.function.ToLongFunction<GarbageCollectorMXBean> counter) {
		if (this.collectors.isEmpty()) {
			return -1;
		}
		try {
			return this.collectors.stream().mapToLong(counter).filter((value) -> value >= 0).sum();
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		this.connector.ifPresent((open) -> {
			try {
				open.close();
			}
			catch (IOException ex) {
				// The app may have stopped meanwhile; nothing to release then.
			}
		});
	}

}
