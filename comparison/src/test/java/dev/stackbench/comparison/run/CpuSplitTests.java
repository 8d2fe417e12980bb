package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class CpuSplitTests {

	@Test
	void countsTasksetLists() {
		assertThat(CpuSplit.count("0")).isEqualTo(1);
		assertThat(CpuSplit.count("1-3")).isEqualTo(3);
		assertThat(CpuSplit.count("0,2-3")).isEqualTo(3);
	}

	@Test
	void anAppStartsOnEveryCoreSizedForTheOnesItWillBeConfinedTo() {
		CpuSplit split = new CpuSplit(4, Optional.of("0-1"), Optional.of("2-3"));
		assertThat(split.appPlacement().command()).endsWith("-c", "0-3");
		assertThat(split.appPlacement().jvmOptions()).containsExactly("-XX:ActiveProcessorCount=2");
		assertThat(CpuSplit.Placement.ANYWHERE.jvmOptions()).isEmpty();
		assertThat(CpuSplit.unpinned().appPlacement().command()).isEmpty();
	}

	@Test
	void replicasShareTheAppsCoresOrEachGetsItsOwn() {
		CpuSplit four = new CpuSplit(8, Optional.of("0-3"), Optional.of("4-7"));
		assertThat(four.replicaPlacements(2)).extracting(CpuSplit.Placement::cpus)
			.containsExactly(Optional.of("0-1"), Optional.of("2-3"));
		assertThat(four.replicaPlacements(2).getFirst().jvmOptions()).containsExactly("-XX:ActiveProcessorCount=2");
		CpuSplit one = new CpuSplit(2, Optional.of("0"), Optional.of("1"));
		assertThat(one.replicaPlacements(2)).extracting(CpuSplit.Placement::cpus)
			.containsExactly(Optional.of("0"), Optional.of("0"));
		assertThat(CpuSplit.unpinned().replicaPlacements(3)).extracting(CpuSplit.Placement::cpus)
			.containsOnly(Optional.empty());
	}

	/**
	 * A JVM has a dozen threads by the time it is started: every one of them is moved,
	 * not only the first.
	 */
	@Test
	void confinesEveryThreadOfARunningProcess() throws Exception {
		assumeTrue(Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset")),
				"needs two cores and taskset");
		Process java = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx32m",
				"-XX:ActiveProcessorCount=1", "-cp", System.getProperty("java.class.path"), Sleeper.class.getName())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(() -> threads(java.pid()) > 5);
			String lastCpu = String.valueOf(Runtime.getRuntime().availableProcessors() - 1);
			assertThat(CpuSplit.unconfinedThreads(java.pid(), lastCpu)).isGreaterThan(5);
			CpuSplit.confine(java.pid(), Optional.of(lastCpu));
			assertThat(CpuSplit.unconfinedThreads(java.pid(), lastCpu)).isZero();
		}
		finally {
			java.destroyForcibly().waitFor();
		}
	}

	private static long threads(long pid) throws IOException {
		try (Stream<Path> tasks = Files.list(Path.of("/proc", String.valueOf(pid), "task"))) {
			return tasks.count();
		}
	}

	/** A process with the threads a JVM starts, doing nothing for long enough. */
	static final class Sleeper {

		public static void main(String[] args) throws InterruptedException {
			Thread.sleep(60_000);
		}

	}

}
