package dev.stackbench.bare.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bare app answers its two pages with the stackbench apps' bytes, over its real
 * server: a cost per request set against theirs is then a cost of the same answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BareReactiveApplicationTests {

	private final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Test
	void answersThePlainPage() throws Exception {
		HttpResponse<String> response = get("/api/hello");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(response.body()).isEqualTo("Hello World");
	}

	@Test
	void answersTheJsonPage() throws Exception {
		HttpResponse<String> response = get("/api/json");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"project\":\"stackbench\",\"question\":\"Spring MVC on Tomcat or "
				+ "WebFlux on Reactor Netty?\",\"stacks\":[\"servlet\",\"reactive\"],\"version\":1}");
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

}
