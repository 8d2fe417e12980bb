package dev.stackbench.contract;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code metrics-off} profile, against which instrumentation overhead is measured,
 * must really record nothing: otherwise the "off" side of that comparison would quietly
 * pay part of the cost it is meant to leave out.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("metrics-off")
public abstract class AbstractMetricsOffTests {

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Test
	void servesRequestsButRecordsNoMeters() {
		WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.build()
			.get()
			.uri("/api/hello")
			.exchange()
			.expectStatus()
			.isOk();
		String scrape = ActuatorContract.scrape(WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.managementPort)
			.responseTimeout(Duration.ofSeconds(30))
			.build());
		// With nothing recorded the scrape may be empty altogether.
		assertThat(String.valueOf(scrape)).doesNotContain("http_server_requests")
			.doesNotContain("reactor_netty_http_server")
			.doesNotContain("tomcat_threads")
			.doesNotContain("jvm_threads_live_threads");
	}

}
