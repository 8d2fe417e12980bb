package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AOT cache made for real, from the platform app's jar: trained once, found again
 * without training, and mapped by a fork that would not start without it.
 */
class AotCacheTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@Test
	void aCacheIsTrainedOnceAndEveryForkStartsWithIt(@TempDir Path folder) throws Exception {
		assumeThat(AotCache.supported()).as("JDK " + AotCache.LEAST_JDK + " or later").isTrue();
		AppJvm jvm = AppJvm.of("G1").withAot(true);
		AotCache caches = new AotCache(ROOT, folder, jvm, CpuSplit.Placement.ANYWHERE, folder.resolve("logs"));
		// The apps report healthy once their database is reached.
		try (Database.Running database = Database.startOrUse(Optional.empty())) {
			List<String> arguments = database.database().appArguments();
			trainAndFork(caches, jvm, arguments, folder);
		}
	}

	private static void trainAndFork(AotCache caches, AppJvm jvm, List<String> arguments, Path folder)
			throws Exception {
		AotCache.Made trained = caches.launch(Contender.PLATFORM, (recording) -> {
			try (AppProcess app = start(jvm, recording, arguments, folder.resolve("training.log"))) {
				for (int request = 0; request < 200; request++) {
					hello(app.target().baseUrl());
				}
				app.stop(true);
			}
		});
		assertThat(trained.trained()).isTrue();
		Path cache = Path.of(trained.launch()
			.jvmOptions()
			.stream()
			.filter((option) -> option.startsWith("-XX:AOTCache="))
			.findFirst()
			.orElseThrow()
			.substring("-XX:AOTCache=".length()));
		assertThat(cache).isRegularFile().hasParent(folder);
		assertThat(Files.size(cache)).as("classes and profiles, not an empty file").isGreaterThan(1_000_000);
		assertThat(trained.launch().jar()).as("run from its extracted jar").startsWith(folder);

		AotCache.Made found = caches.launch(Contender.PLATFORM, (recording) -> {
			throw new AssertionError("trained again");
		});
		assertThat(found.trained()).isFalse();
		assertThat(found.launch()).isEqualTo(trained.launch());

		// -XX:AOTMode=on: a JVM that could not map the cache would not start.
		try (AppProcess fork = start(jvm, found.launch(), arguments, folder.resolve("fork.log"))) {
			assertThat(hello(fork.target().baseUrl())).isEqualTo(200);
		}
	}

	@Test
	void aTrainingRunThatRecordsNothingIsAnError(@TempDir Path folder) {
		assumeThat(AotCache.supported()).as("JDK " + AotCache.LEAST_JDK + " or later").isTrue();
		AotCache caches = new AotCache(ROOT, folder, AppJvm.of("G1").withAot(true), CpuSplit.Placement.ANYWHERE,
				folder.resolve("logs"));
		assertThatIOException().isThrownBy(() -> caches.launch(Contender.REACTIVE, (recording) -> {
			// Never started: nothing recorded.
		})).withMessageContaining("wrote no configuration");
	}

	private static AppProcess start(AppJvm jvm, AppLaunch launch, List<String> arguments, Path log) throws IOException {
		return AppProcess.start(Contender.PLATFORM, ROOT, CpuSplit.Placement.ANYWHERE, jvm, launch, arguments, log,
				false);
	}

	private static int hello(URI baseUrl) throws IOException {
		try {
			return CLIENT
				.send(HttpRequest.newBuilder(baseUrl.resolve("/api/hello")).build(),
						HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
