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
import java.util.stream.Stream;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

import com.sun.tools.attach.VirtualMachine;
import dev.stackbench.comparison.result.ProcessCounters;

/**
 * Reads an app process's cumulative counters ({@link ProcessCounters}): its CPU from
 * Linux's {@code /proc/<pid>/stat}, which any process has, and its heap allocation and
 * garbage collection from the JVM itself, over JMX on the local management agent that the
 * attach API starts in it (no JVM option needed, so a bare Spring Boot app is read
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

	/** Each compiler thread's CPU at the opening reading. */
	private Map<Long, Long> openingCompilerThreads = Map.of();

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

	/**
	 * Reads the JVM's counters first, then the CPU, so that asking the JVM costs the
	 * window nothing.
	 */
	ProcessCounters readOpening() throws IOException {
		long allocated = allocatedBytes();
		long gcMillis = gcMillis();
		long gcCount = gcCount();
		this.openingCompilerThreads = compilerThreads(this.pid);
		return new ProcessCounters(cpuNanos(this.pid), allocated, gcMillis, gcCount,
				totalNanos(this.openingCompilerThreads));
	}

	/**
	 * Reads the CPU first, then the JVM's counters, for the same reason; the compiler
	 * threads' CPU as the opening reading's plus what each has spent since.
	 */
	ProcessCounters readClosing() throws IOException {
		long cpu = cpuNanos(this.pid);
		long compiler = totalNanos(this.openingCompilerThreads)
				+ compilerNanosBetween(this.openingCompilerThreads, compilerThreads(this.pid));
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

	/**
	 * CPU of each of the JIT's compiler threads alive now ({@code C1 CompilerThre},
	 * {@code C2 CompilerThre}, as Linux shortens their names), by thread id, from
	 * {@code /proc/<pid>/task}: what an app still compiling spends besides its requests.
	 */
	static Map<Long, Long> compilerThreads(long pid) throws IOException {
		Map<Long, Long> nanos = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String comm = Files.readString(task.resolve("comm"));
					if (comm.startsWith("C") && comm.contains("CompilerThre")) {
						nanos.put(Long.parseLong(task.getFileName().toString()),
								ticks(Files.readString(task.resolve("stat"))) * (1_000_000_000L / TICKS_PER_SECOND));
					}
				}
				catch (IOException ex) {
					// The thread ended meanwhile.
				}
			}
		}
		return nanos;
	}

	/**
	 * What the compiler threads spent between two readings, thread by thread: the JVM
	 * starts and ends compiler threads as its queue grows and empties, so the sums of two
	 * readings differ by more than was spent. A thread that ended between them loses what
	 * it spent after the first; it ends once idle, so that is little.
	 */
	static long compilerNanosBetween(Map<Long, Long> earlier, Map<Long, Long> later) {
		return later.entrySet()
			.stream()
			.mapToLong((thread) -> thread.getValue() - earlier.getOrDefault(thread.getKey(), 0L))
			.sum();
	}

	private static long totalNanos(Map<Long, Long> threads) {
		return threads.values().stream().mapToLong(Long::longValue).sum();
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
