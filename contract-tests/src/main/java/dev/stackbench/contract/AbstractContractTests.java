package dev.stackbench.contract;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stackbench HTTP contract, written once and run by every app against its own running
 * server, in every serving model. Its parts are interfaces of default test methods, one
 * per concern (endpoints, event streams, downstream calls, CGI, database, bad input,
 * concurrency, actuator); this class binds them to the server under test. A subclass
 * supplies only its {@link ServingModel}: whatever passes here passes identically on both
 * stacks, because every expectation is an exact status, content type and body, and what
 * differs between models is data in the model, never a branch here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"stackbench.cgi.directory=../cgi-bin", "stackbench.downstream.timeout=2s" })
public abstract class AbstractContractTests implements EndpointContract, EventStreamContract, DownstreamContract,
		CgiContract, DatabaseContract, BadInputContract, ConcurrencyContract, ActuatorContract {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient client;

	private WebTestClient management;

	@BeforeEach
	void bindToServer() {
		this.client = bindTo(this.port);
		this.management = bindTo(this.managementPort);
	}

	private static WebTestClient bindTo(int port) {
		// Scrapes with percentile histograms run past the default 256 KiB buffer.
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.responseTimeout(Duration.ofSeconds(60))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	@Override
	public WebTestClient client() {
		return this.client;
	}

	@Override
	public WebTestClient management() {
		return this.management;
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public int managementPort() {
		return this.managementPort;
	}

	@DynamicPropertySource
	static void downstreamStub(DynamicPropertyRegistry registry) {
		registry.add("stackbench.downstream.base-url", DownstreamStub::baseUrl);
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase.register(registry);
	}

}
