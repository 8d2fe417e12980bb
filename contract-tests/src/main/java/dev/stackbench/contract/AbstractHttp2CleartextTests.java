package dev.stackbench.contract;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code h2c} profile: HTTP/2 without TLS by prior knowledge (the client opens with
 * HTTP/2's preface, as a proxy that terminates TLS does), and plain HTTP/1.1 still served
 * on the same port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("h2c")
public abstract class AbstractHttp2CleartextTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@LocalServerPort
	private int port;

	@Test
	void priorKnowledgeIsAnsweredOverHttp2AndHttp1StaysServed() {
		for (HttpProtocol protocol : new HttpProtocol[] { HttpProtocol.H2C, HttpProtocol.HTTP11 }) {
			String answer = HttpClient.create()
				.protocol(protocol)
				.get()
				.uri("http://localhost:" + this.port + "/api/hello")
				.responseSingle((response, body) -> body.asString()
					.map((text) -> response.version().text() + " " + response.status().code() + " " + text))
				.block(Duration.ofSeconds(10));
			assertThat(answer)
				.isEqualTo(((protocol == HttpProtocol.H2C) ? "HTTP/2.0" : "HTTP/1.1") + " 200 Hello World");
		}
	}

}
