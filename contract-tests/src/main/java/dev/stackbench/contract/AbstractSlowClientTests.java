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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
 * <p>
 * Bodies that trickle, stay silent, or are left unread after an early answer are held to
 * the body deadline (4 s here, plus a second per 500 bytes that arrived, a few
 * milliseconds): later than Tomcat's per-read timeout (2 s), which alone would close a
 * silent body too early (Reactor Netty's idle timeout does not run while a body is read).
 * A trickled body holds the one thread of the single-thread profile while the app reads
 * it, as it would hold any request thread; the deadline is what bounds that, so these are
 * tested one at a time.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "stackbench.request-head-timeout=2s",
				"stackbench.request-body-timeout=4s", "server.tomcat.connection-timeout=2s",
				"server.tomcat.keep-alive-timeout=5s", "server.netty.idle-timeout=5s" })
public abstract class AbstractSlowClientTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

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

	private static final Duration BODY_TIMEOUT = Duration.ofSeconds(4);

	/**
	 * How late a body's close may come: a body left unread is checked once a second on
	 * the servlet app.
	 */
	private static final Duration BODY_LATENESS = Duration.ofMillis(1500);

	private static final String ECHO_HEAD = "POST /api/echo HTTP/1.1\r\nHost: localhost\r\n"
			+ "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n";

	private static final String REQUEST_TIMEOUT = "{\"type\":\"urn:stackbench:problem:request-timeout\","
			+ "\"title\":\"Request timeout\",\"status\":408,"
			+ "\"detail\":\"The body of POST /api/echo arrived too slowly\"}";

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

	@Test
	void aTrickledBodyIsRefusedAtItsDeadline() throws Exception {
		Socket socket = open(1).get(0);
		long sent = trickleBody(socket, 60_000);
		assertRefusedAtTheDeadline(assertClosedInTime("trickling its body", socket, sent, BODY_TIMEOUT, BODY_LATENESS));
		assertServed();
	}

	@Test
	void aSilentBodyIsRefusedAtItsDeadline() throws Exception {
		Socket socket = open(1).get(0);
		write(socket, ECHO_HEAD.formatted(100));
		assertRefusedAtTheDeadline(
				assertClosedInTime("sending no body", socket, System.nanoTime(), BODY_TIMEOUT, BODY_LATENESS));
		assertServed();
	}

	/**
	 * Answered at once (413, before the body is read), then the body still arriving is
	 * read and dropped by the server, within the same deadline.
	 */
	@Test
	void aBodyLeftUnreadIsClosedAtItsDeadline() throws Exception {
		Socket socket = open(1).get(0);
		long sent = trickleBody(socket, 100_000);
		assertThat(RawHttp.readUntil(socket, "}")).startsWith("HTTP/1.1 413 ");
		assertClosedInTime("trickling a body answered already", socket, sent, BODY_TIMEOUT, BODY_LATENESS);
		assertServed();
	}

	/**
	 * The 408 must come at the deadline: a server that answered at its per-read timeout
	 * instead, and then held the connection, would otherwise pass.
	 */
	private static void assertRefusedAtTheDeadline(Closed closed) {
		assertThat(closed.received()).startsWith("HTTP/1.1 408 ").endsWith(REQUEST_TIMEOUT);
		assertThat(closed.firstByte()).as("time to the 408").isGreaterThan(BODY_TIMEOUT.minus(EARLINESS));
	}

	/**
	 * Sends an echo head declaring {@code length} bytes, then its body a byte every 250
	 * ms.
	 * @return when the head was sent
	 */
	private long trickleBody(Socket socket, int length) throws IOException {
		write(socket, ECHO_HEAD.formatted(length));
		long sent = System.nanoTime();
		trickle(socket, " ");
		return sent;
	}

	private void trickle(Socket socket, String text) {
		this.trickler.scheduleAtFixedRate(() -> {
			try {
				write(socket, text);
			}
			catch (IOException ex) {
				// Closed by the server: what the test waits for.
			}
		}, 250, 250, TimeUnit.MILLISECONDS);
	}

	private void assertServed() throws Exception {
		HttpResponse<String> response = CLIENT
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/hello"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
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
		for (Socket socket : sockets) {
			assertClosedInTime(kind, socket, since, timeout, LATENESS);
		}
	}

	/**
	 * The connection must be closed by the server (end of stream or reset) about the
	 * timeout after {@code since}.
	 * @return what the server sent before closing, and when it started to
	 */
	private static Closed assertClosedInTime(String kind, Socket socket, long since, Duration timeout,
			Duration lateness) throws IOException {
		Duration latest = timeout.plus(lateness);
		long remaining = latest.toMillis() - Duration.ofNanos(System.nanoTime() - since).toMillis();
		socket.setSoTimeout((int) Math.max(remaining, 1));
		StringBuilder received = new StringBuilder();
		Duration firstByte = null;
		try {
			for (int c = socket.getInputStream().read(); c >= 0; c = socket.getInputStream().read()) {
				if (firstByte == null) {
					firstByte = Duration.ofNanos(System.nanoTime() - since);
				}
				received.append((char) c);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new AssertionError("A connection " + kind + " was still open after " + latest.toMillis() + " ms", ex);
		}
		catch (IOException ex) {
			// Reset by the server, which closed with unread bytes: closed all the same.
		}
		Duration lived = Duration.ofNanos(System.nanoTime() - since);
		assertThat(lived).as("life of a connection " + kind).isGreaterThan(timeout.minus(EARLINESS));
		return new Closed(received.toString(), (firstByte != null) ? firstByte : lived);
	}

	private record Closed(String received, Duration firstByte) {
	}

}
