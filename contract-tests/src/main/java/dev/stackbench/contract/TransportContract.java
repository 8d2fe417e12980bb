package dev.stackbench.contract;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLSession;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocol the app's port actually speaks, checked with a client independent of the
 * contract's own: the JDK's, offering HTTP/2 (by ALPN over TLS, by an Upgrade header over
 * plain HTTP) and told by the answer which protocol and TLS version were chosen.
 */
interface TransportContract extends ContractContext {

	/** The TLS 1.3 cipher suites both stacks are set to, in their order. */
	String TLS13_CIPHERS = "TLS_AES_256_GCM_SHA384, TLS_AES_128_GCM_SHA256, TLS_CHACHA20_POLY1305_SHA256";

	@Test
	default void thePortSpeaksTheTransportsProtocol() throws IOException, InterruptedException {
		HttpResponse<String> response = jdkClient(HttpClient.Version.HTTP_2).send(
				HttpRequest.newBuilder(URI.create(baseUrl() + "/api/hello")).timeout(Duration.ofSeconds(10)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).isEqualTo("Hello World");
		assertThat(response.version()).as("the protocol ALPN or the upgrade chose")
			.isEqualTo((transport() == Transport.H2) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
		assertThat(response.sslSession().map(SSLSession::getProtocol)).as("TLS version")
			.isEqualTo(transport().secure() ? Optional.of("TLSv1.3") : Optional.empty());
		response.sslSession()
			.ifPresent((session) -> assertThat(TLS13_CIPHERS.split(", ")).contains(session.getCipherSuite()));
	}

	@Test
	@SuppressWarnings("unchecked")
	default void tuningNamesTheProtocolsServed() {
		Map<String, Object> knobs = (Map<String, Object>) management().get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("tuning");
		knobs = (Map<String, Object>) knobs.get("knobs");
		assertThat(knobs.get("protocols")).isEqualTo((transport() == Transport.H2) ? "h2, http/1.1" : "http/1.1");
		if (transport().secure()) {
			assertThat(knobs).containsEntry("tls.protocols", "TLSv1.3")
				.containsEntry("tls.ciphers", TLS13_CIPHERS)
				.containsEntry("tls.implementation", "JSSE (the JDK's)");
		}
		else {
			assertThat(knobs).doesNotContainKeys("tls.protocols", "tls.ciphers");
		}
		if (transport() == Transport.H2) {
			assertThat(knobs).containsEntry("http2.max-concurrent-streams", 100)
				.containsEntry("http2.initial-window-size", 65535)
				.containsEntry("http2.idle-timeout-ms", 60000)
				.containsEntry("http2.max-header-bytes", 8192);
			if (knobs.containsKey("http2.max-concurrent-stream-execution")) {
				assertThat(knobs).as("Tomcat runs as many of a connection's streams at once as it allows open")
					.containsEntry("http2.max-concurrent-stream-execution", 100);
			}
		}
	}

}
