package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.RequestStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An app that dies during a run, for real: the platform app's JVM killed in the middle of
 * its scenario, and the report's row for it, while the run goes on with the next stack.
 * And the error a JVM ends on read from its own output, from a real JVM run out of heap.
 */
class AppDeathTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	@Test
	void anAppThatDiesInAScenarioIsReportedAndTheRunGoesOnWithTheNextStack(@TempDir Path output) throws Exception {
		Options options = new Options(ROOT, Preset.CI, List.of(Contender.PLATFORM, Contender.REACTIVE),
				List.of(Preset.CI.scenario("slow-rate")), Map.of(), 1, Optional.empty(), OptionalDouble.empty(),
				List.of(), false, Optional.empty(), 1, AppJvm.of("G1"), Optional.empty(), Optional.empty(), List.of());
		// Killed once its scenario's Gatling run has begun writing: after the warm-up.
		CompletableFuture<Void> killed = CompletableFuture.runAsync(() -> {
			Path scenario = output.resolve("gatling").resolve("platform").resolve("slow-rate");
			await().atMost(Duration.ofMinutes(2))
				.pollInterval(Duration.ofMillis(100))
				.until(() -> Files.exists(scenario));
			ProcessHandle.current()
				.descendants()
				.filter((process) -> process.info().commandLine().orElse("").contains("servlet-app"))
				.forEach(ProcessHandle::destroyForcibly);
		});

		ComparisonResults results = Comparison.measure(options, output, CpuSplit.forThisMachine(Optional.empty()));
		killed.join();

		assertThat(results.deaths()).singleElement().satisfies((death) -> {
			assertThat(death.stack()).isEqualTo(Contender.PLATFORM);
			assertThat(death.during()).isEqualTo("slow-rate");
			assertThat(death.cause()).isEqualTo("killed by signal 9");
			assertThat(death.inWords()).startsWith("died: killed by signal 9 at ");
		});
		assertThat(results.results()).filteredOn((result) -> result.stack() == Contender.REACTIVE)
			.singleElement()
			.satisfies((result) -> {
				assertThat(result.assertionsPassed()).isTrue();
				assertThat(result.requests().stream().mapToLong(RequestStats::ok).sum()).isPositive();
			});
	}

	@Test
	void theErrorAJvmEndedOnIsReadFromItsOutput(@TempDir Path folder) throws Exception {
		Path program = folder.resolve("OutOfHeap.java");
		Files.writeString(program, """
				import java.util.ArrayList;
				import java.util.List;
				public class OutOfHeap {
					public static void main(String[] args) {
						List<long[]> held = new ArrayList<>();
						while (true) {
							held.add(new long[1 << 16]);
						}
					}
				}
				""");
		Path log = folder.resolve("app.log");
		Process jvm = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
				"-XX:+ExitOnOutOfMemoryError", "-Xmx32m", program.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		int status = jvm.waitFor();
		assertThat(AppProcess.cause(log, status)).isEqualTo("OutOfMemoryError: Java heap space");
		assertThat(AppProcess.cause(folder.resolve("none.log"), 137)).isEqualTo("killed by signal 9");
		assertThat(AppProcess.cause(folder.resolve("none.log"), 1)).isEqualTo("exited with status 1");
	}

}
