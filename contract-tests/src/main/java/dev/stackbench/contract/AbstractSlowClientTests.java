package dev.stackbench.contract;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow and idle clients, on both apps alike. Connections that trickle their request head
 * (slowloris) or open and send nothing are closed by the request-head deadline (2 s here;
 * on the servlet app Tomcat's connection timeout closes the silent ones, set to the
 * same), connections that go quiet after a request by the keep-alive timeout (5 s here),
 * and while all of them are held normal requests are served at once. Subclasses run it on
 * the one-thread and one-loop profiles, where a held connection that occupied the only
 * thread or loop would starve everyone.
 * <p>
 * The trickle (a header line every 250 ms) is far faster than any per-read timeout, and
 * the keep-alive timeout is longer than the deadline the trickling connections are held
 * to, so only the deadline on the head as a whole can close them in time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "stackbench.request-head-timeout=2s",
				"server.tomcat.connection-timeout=2s", "server.tomcat.keep-alive-timeout=5s",
				"server.netty.idle-timeout=5s" })
public abstract class AbstractSlowClientTests {

	private static final Duration HEAD_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration KEEP_ALIVE_TIMEOUT = Duration.ofSeconds(5);

	/**
	 * How late a close may come: the servlet app checks heads once a second, and the
	 * machine is noisy. Kept below the keep-alive timeout, which on the reactive app
	 * would otherwise close a trickling connection too.
	 */
	private static final Duration LATENESS = Duration.ofMillis(2500);

	/** How early a close may come: timers are not exact. */
	private static final Duration EARLINESS = Duration.ofMillis(500);

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	private int port;

	private final ScheduledExecutorService trickler = Executors.newSingleThreadScheduledExecutor();

	private final List<Socket> sockets = new ArrayList<>();

	@AfterEach
	void closeEverything() throws IOException {
		this.trickler.shutdownNow();
		for (Socket socket : this.sockets) {
			socket.close();
		}
	}

	@Test
	void slowAndIdleConnectionsAreClosedWhileOtherRequestsAreServed() throws Exception {
		long opened = System.nanoTime();
		List<Socket> trickling = open(30);
		for (Socket socket : trickling) {
			write(socket, "GET /api/hello HTTP/1.1\r\nHost: localhost\r\n");
		}
		this.trickler.scheduleAtFixedRate(() -> trickling.forEach((socket) -> {
			try {
				write(socket, "X-Trickle: 1\r\n");
			}
			catch (IOException ex) {
				// Closed by the server: what the test waits for.
			}
		}), 250, 250, TimeUnit.MILLISECONDS);
		List<Socket> silent = open(10);
		List<Socket> quietAfterOneRequest = open(10);
		for (Socket socket : quietAfterOneRequest) {
			write(socket, "GET /api/hello HTTP/1.1\r\nHost: localhost\r\n\r\n");
			assertThat(RawHttp.readUntil(socket, "Hello World")).as("keep-alive answer").startsWith("HTTP/1.1 200");
		}
		long answered = System.nanoTime();

		for (int i = 0; i < 20; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = CLIENT
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/hello"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a normal request among held connections")
				.isLessThan(Duration.ofSeconds(1));
		}

		assertClosedInTime("trickling its head", trickling, opened, HEAD_TIMEOUT);
		assertClosedInTime("sending nothing", silent, opened, HEAD_TIMEOUT);
		assertClosedInTime("quiet after a request", quietAfterOneRequest, answered, KEEP_ALIVE_TIMEOUT);
	}

	private List<Socket> open(int count) throws IOException {
		List<Socket> opened = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Socket socket = new Socket("localhost", this.port);
			this.sockets.add(socket);
			opened.add(socket);
		}
		return opened;
	}

	private static synchronized void write(Socket socket, String text) throws IOException {
		socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	/**
	 * Each connection must be closed by the server (end of stream or reset) about the
	 * timeout after {@code since}.
	 */
	private static void assertClosedInTime(String kind, List<Socket> sockets, long since, Duration timeout)
			throws IOException {
		Duration latest = timeout.plus(LATENESS);
		for (Socket socket : sockets) {
			long remaining = latest.toMillis() - Duration.ofNanos(System.nanoTime() - since).toMillis();
			socket.setSoTimeout((int) Math.max(remaining, 1));
			try {
				while (socket.getInputStream().read() >= 0) {
					// Whatever the server sends before closing (nothing, or a 408) is not
					// the point.
				}
			}
			catch (SocketTimeoutException ex) {
				throw new AssertionError("A connection " + kind + " was still open after " + latest.toMillis() + " ms",
						ex);
			}
			catch (IOException ex) {
				// Reset by the server, which closed with unread bytes: closed all the
				// same.
			}
			Duration lived = Duration.ofNanos(System.nanoTime() - since);
			assertThat(lived).as("life of a connection " + kind).isGreaterThan(timeout.minus(EARLINESS));
		}
	}

}
