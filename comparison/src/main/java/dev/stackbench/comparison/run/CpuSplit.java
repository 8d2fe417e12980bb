package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How the machine's cores are shared between the app and the load generator. On the same cores, each steals from
 * the other and both numbers suffer; where {@code taskset} exists, the app gets the first half of the cores and the
 * load generator (this JVM, Gatling included) the rest.
 *
 * @param cores the machine's cores, counted before this JVM pinned itself to some of them
 * @param app the app's CPU list for taskset, e.g. {@code 0}, or empty when nothing is pinned
 * @param loadGenerator the load generator's CPU list, or empty
 */
public record CpuSplit(int cores, Optional<String> app, Optional<String> loadGenerator) {

	/** Splits the cores when there are at least two and taskset is installed. */
	static CpuSplit forThisMachine() {
		int cores = Runtime.getRuntime().availableProcessors();
		if (cores < 2 || taskset().isEmpty()) {
			return unpinned();
		}
		int appCores = cores / 2;
		return new CpuSplit(cores, Optional.of(range(0, appCores - 1)), Optional.of(range(appCores, cores - 1)));
	}

	/** No pinning: for remote runs, where the apps have machines of their own, and where taskset is missing. */
	static CpuSplit unpinned() {
		return new CpuSplit(Runtime.getRuntime().availableProcessors(), Optional.empty(), Optional.empty());
	}

	/** Pins every thread of this JVM to the load generator's cores; threads started later inherit the mask. */
	void pinThisProcess() throws IOException, InterruptedException {
		if (this.loadGenerator.isPresent()) {
			Process taskset = new ProcessBuilder(taskset().orElseThrow().toString(), "-a", "-p", "-c",
					this.loadGenerator.get(), String.valueOf(ProcessHandle.current().pid()))
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (taskset.waitFor() != 0) {
				throw new IOException("taskset could not pin the load generator to CPUs " + this.loadGenerator.get());
			}
		}
	}

	/** The command prefix that starts a process on {@code cpus}, or nothing. */
	List<String> pin(Optional<String> cpus) {
		return cpus.map((list) -> List.of(taskset().orElseThrow().toString(), "-c", list)).orElse(List.of());
	}

	/** How many cores the app runs on: its share of them, or all of them when nothing is pinned. */
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

	/** In words, for the console and the report. */
	String describe() {
		return this.app.isEmpty() ? "not pinned (taskset missing or a single core): app and load generator share the cores"
				: "app on CPU " + this.app.get() + ", load generator on CPU " + this.loadGenerator.get() + " (taskset)";
	}

	private static String range(int first, int last) {
		return (first == last) ? String.valueOf(first) : first + "-" + last;
	}

	private static Optional<Path> taskset() {
		return List.of("/usr/bin/taskset", "/bin/taskset").stream().map(Path::of).filter(Files::isExecutable).findFirst();
	}

}
