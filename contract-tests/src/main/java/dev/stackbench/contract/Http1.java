package dev.stackbench.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Plain HTTP/1.1 GETs to the app under test, for the tests that hold requests in flight
 * while they send others: the JDK's client, whose requests run concurrently on their own
 * connections.
 */
final class Http1 {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private Http1() {
	}

	static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		return CLIENT.send(request(port, path), HttpResponse.BodyHandlers.ofString());
	}

	/** Sends at once; the answer arrives in the future. */
	static CompletableFuture<HttpResponse<String>> getAsync(int port, String path) {
		return CLIENT.sendAsync(request(port, path), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpRequest request(int port, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(20))
			.build();
	}

}
