package dev.stackbench.comparison.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.comparison.run.TestApps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * SIGTERM with requests in flight, on each app running as a real process: every request
 * in flight gets its normal answer, the server takes no new connection, and the process
 * exits well within its grace period
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}, 30 s).
 */
class GracefulShutdownTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final int IN_FLIGHT = 40;

	private static final int DELAY_MILLIS = 3_000;

	@ParameterizedTest
	@EnumSource(names = { "PLATFORM", "VIRTUAL", "REACTIVE" })
	void sigtermLosesNoRequestInFlight(ServingModel stack, @TempDir Path logs) throws Exception {
		try (TestApps apps = TestApps.start(PROJECT, List.of(stack), logs)) {
			URI slow = apps.baseUrl(stack).resolve("/api/slow?delay=" + DELAY_MILLIS);
			HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
			for (int i = 0; i < IN_FLIGHT; i++) {
				requests.add(client.sendAsync(HttpRequest.newBuilder(slow).timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString()));
			}
			awaitInFlight(apps, stack);

			Instant sigterm = Instant.now();
			ProcessHandle app = apps.terminate(stack);
			TimeUnit.MILLISECONDS.sleep(500);
			assertThatExceptionOfType(ConnectException.class).as("a new connection after SIGTERM")
				.isThrownBy(() -> connect(apps.baseUrl(stack)));

			for (CompletableFuture<HttpResponse<String>> request : requests) {
				HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo("{\"delay\":" + DELAY_MILLIS + "}");
			}
			assertThat(app.onExit().get(35, TimeUnit.SECONDS).isAlive()).isFalse();
			assertThat(Duration.between(sigterm, Instant.now())).as("from SIGTERM to exit")
				.isLessThan(Duration.ofMillis(DELAY_MILLIS).plusSeconds(10));
		}
	}

	private static void awaitInFlight(TestApps apps, ServingModel stack) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(DELAY_MILLIS / 1000 - 1);
		while (apps.inFlight(stack) < IN_FLIGHT) {
			assertThat(Instant.now()).as("%d requests in flight", IN_FLIGHT).isBefore(deadline);
			TimeUnit.MILLISECONDS.sleep(50);
		}
	}

	private static void connect(URI base) throws IOException {
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(1000);
		}
	}

}
