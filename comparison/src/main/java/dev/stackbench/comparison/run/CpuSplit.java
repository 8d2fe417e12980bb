package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * How the machine's cores are shared between the app and the load generator. On the same
 * cores, each steals from the other and both numbers suffer; where {@code taskset}
 * exists, the app gets the first half of the cores and the load generator (this JVM,
 * Gatling included) the rest.
 *
 * @param cores the machine's cores, counted before this JVM pinned itself to some of them
 * @param app the app's CPU list for taskset, e.g. {@code 0}, or empty when nothing is
 * pinned
 * @param loadGenerator the load generator's CPU list, or empty
 */
public record CpuSplit(int cores, Optional<String> app, Optional<String> loadGenerator) {

	/**
	 * Splits the cores when there are at least two and taskset is installed: the app gets
	 * {@code appCores} of them (half by default), the load generator the rest; asked for
	 * every core, the app shares them all with the load generator.
	 */
	static CpuSplit forThisMachine(Optional<Integer> appCores) {
		int cores = Runtime.getRuntime().availableProcessors();
		if (cores < 2 || taskset().isEmpty()) {
			return unpinned();
		}
		int app = Math.min(cores, appCores.orElse(cores / 2));
		if (app == cores) {
			return new CpuSplit(cores, Optional.of(range(0, cores - 1)), Optional.of(range(0, cores - 1)));
		}
		return new CpuSplit(cores, Optional.of(range(0, app - 1)), Optional.of(range(app, cores - 1)));
	}

	/**
	 * Every core of the machine as a taskset list, or empty when nothing is pinned: where
	 * an app is warmed up before it is confined to its own.
	 */
	Optional<String> everyCoreList() {
		return this.app.map((pinned) -> range(0, this.cores - 1));
	}

	/** Whether the app and the load generator run on the same cores. */
	boolean shared() {
		return this.app.isEmpty() || this.app.equals(this.loadGenerator);
	}

	/**
	 * No pinning: for remote runs, where the apps have machines of their own, and where
	 * taskset is missing.
	 */
	static CpuSplit unpinned() {
		return new CpuSplit(Runtime.getRuntime().availableProcessors(), Optional.empty(), Optional.empty());
	}

	/**
	 * Pins every thread of this JVM to the load generator's cores; threads started later
	 * inherit the mask.
	 */
	void pinThisProcess() throws IOException {
		confine(ProcessHandle.current().pid(), this.loadGenerator);
	}

	/** Where the app runs: see {@link Placement}. */
	Placement appPlacement() {
		return new Placement(everyCore(), this.app);
	}

	/**
	 * Where each of {@code replicas} copies of the app runs: the app's cores dealt out in
	 * contiguous shares, or, with fewer cores than replicas, every replica on all of them
	 * (so two replicas on this machine's one app core share it, as two pods share a
	 * node).
	 */
	List<Placement> replicaPlacements(int replicas) {
		if (this.app.isEmpty() || appCores() < replicas) {
			return Collections.nCopies(replicas, appPlacement());
		}
		int first = firstCpu(this.app.get());
		int share = appCores() / replicas;
		return IntStream.range(0, replicas)
			.mapToObj((replica) -> new Placement(everyCore(),
					Optional.of(range(first + replica * share, first + (replica + 1) * share - 1))))
			.toList();
	}

	/** Where a helper process of the load generator's (the downstream service) runs. */
	Placement loadGeneratorPlacement() {
		return new Placement(everyCore(), this.loadGenerator);
	}

	/**
	 * The command prefix that lets a child of this pinned JVM run on every core again, or
	 * nothing.
	 */
	private List<String> everyCore() {
		return this.app.isEmpty() ? List.of()
				: List.of(taskset().orElseThrow().toString(), "-c", range(0, this.cores - 1));
	}

	/**
	 * Where a started JVM runs. It starts on every core, sized (GC and JIT threads, event
	 * loops, pools) for its own {@code cpus}, and is {@link #confine confined} to them
	 * once healthy: measured here, Spring Boot starts in 9 s on two cores against 18 s on
	 * one, and the load generator's cores are idle until then.
	 *
	 * @param command the prefix of the command that starts it on every core, or nothing
	 * @param cpus its own cores as a taskset list, or anywhere
	 */
	record Placement(List<String> command, Optional<String> cpus) {

		/** No pinning at all: the tests' apps. */
		static final Placement ANYWHERE = new Placement(List.of(), Optional.empty());

		List<String> jvmOptions() {
			return this.cpus.map((list) -> List.of("-XX:ActiveProcessorCount=" + count(list))).orElse(List.of());
		}

		void confine(long pid) throws IOException {
			CpuSplit.confine(pid, this.cpus);
		}

		/**
		 * The command prefix that runs a process on its own cores from its start: for one
		 * that starts in an instant (the load balancer), with nothing to gain from the
		 * others meanwhile.
		 */
		List<String> pinnedFromStart() {
			return this.cpus.map((list) -> List.of(taskset().orElseThrow().toString(), "-c", list)).orElse(List.of());
		}

	}

	/**
	 * Pins every thread of a process to {@code cpus}, and checks that each one is: a
	 * thread the process starts while taskset walks its threads could be missed, so the
	 * walk is repeated until none is.
	 */
	static void confine(long pid, Optional<String> cpus) throws IOException {
		if (cpus.isEmpty()) {
			return;
		}
		for (int attempt = 1; attempt <= 3; attempt++) {
			try {
				Process taskset = new ProcessBuilder(taskset().orElseThrow().toString(), "-a", "-p", "-c", cpus.get(),
						String.valueOf(pid))
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD)
					.start();
				if (taskset.waitFor() != 0) {
					throw new IOException("taskset could not pin process " + pid + " to CPUs " + cpus.get());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted while pinning process " + pid, ex);
			}
			if (unconfinedThreads(pid, cpus.get()) == 0) {
				return;
			}
		}
		throw new IOException("threads of process " + pid + " still run outside CPUs " + cpus.get());
	}

	/**
	 * Threads of a process whose allowed CPUs are not {@code cpus}, as Linux reports
	 * them.
	 */
	static long unconfinedThreads(long pid, String cpus) throws IOException {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			return tasks.filter((task) -> allowedCpus(task).filter((allowed) -> !allowed.equals(cpus)).isPresent())
				.count();
		}
	}

	/** A thread's allowed CPUs, or nothing when it ended meanwhile. */
	private static Optional<String> allowedCpus(Path task) {
		try {
			return Files.readAllLines(task.resolve("status"))
				.stream()
				.filter((line) -> line.startsWith("Cpus_allowed_list:"))
				.map((line) -> line.substring(line.indexOf(':') + 1).trim())
				.findFirst();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * How many cores the app runs on: its share of them, or all of them when nothing is
	 * pinned.
	 */
	int appCores() {
		return this.app.map(CpuSplit::count).orElse(this.cores);
	}

	/** How many cores the load generator runs on. */
	int loadGeneratorCores() {
		return this.loadGenerator.map(CpuSplit::count).orElse(this.cores);
	}

	/** CPUs in a taskset list such as {@code 0}, {@code 1-3} or {@code 0,2-3}. */
	static int count(String cpus) {
		int count = 0;
		for (String part : cpus.split(",")) {
			String[] range = part.trim().split("-");
			count += (range.length == 1) ? 1 : Integer.parseInt(range[1]) - Integer.parseInt(range[0]) + 1;
		}
		return count;
	}

	/** The lowest CPU of a contiguous taskset list such as {@code 0} or {@code 1-3}. */
	private static int firstCpu(String cpus) {
		return Integer.parseInt(cpus.split("[,-]")[0].trim());
	}

	/** In words, for the console and the report. */
	String describe() {
		if (this.app.isPresent() && shared()) {
			return "app and load generator share CPUs " + this.app.get()
					+ " (-DappCores asked for every core): each figure pays for the other's work";
		}
		return this.app.isEmpty()
				? "not pinned (taskset missing or a single core): app and load generator share the cores"
				: "app on CPU " + this.app.get() + ", load generator on CPU " + this.loadGenerator.get() + " (taskset)";
	}

	private static String range(int first, int last) {
		return (first == last) ? String.valueOf(first) : first + "-" + last;
	}

	private static Optional<Path> taskset() {
		return List.of("/usr/bin/taskset", "/bin/taskset")
			.stream()
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

}
