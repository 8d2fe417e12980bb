package dev.stackbench.contract;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;

/**
 * A downstream service for {@code /api/downstream} in tests: the slow page on 127.0.0.1
 * and a random port, one virtual thread per request. Asked for {@link #FAILING_DELAY} ms,
 * it answers 500 instead, so that a test can see how a failing dependency is answered. A
 * separate server rather than the app under test, which on the one-thread profile could
 * not answer its own calls.
 */
public final class DownstreamStub {

	/** The delay the stub refuses with a 500. */
	public static final long FAILING_DELAY = 1;

	private static HttpServer server;

	private DownstreamStub() {
	}

	/**
	 * The stub's base URL, starting it on first use; it lives as long as the test JVM.
	 */
	public static synchronized String baseUrl() {
		if (server == null) {
			server = create();
			server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			server.createContext("/api/slow", DownstreamStub::slowPage);
			server.start();
		}
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static HttpServer create() {
		try {
			return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void slowPage(HttpExchange exchange) throws IOException {
		try (exchange) {
			SlowPage page = SlowPage.of(Query.parse(exchange.getRequestURI().getRawQuery()));
			if (page.delay() == FAILING_DELAY) {
				exchange.sendResponseHeaders(500, -1);
				return;
			}
			Thread.sleep(page.duration());
			byte[] body = ("{\"delay\":" + page.delay() + "}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
