package dev.stackbench.contract;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.core.env.Environment;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The stackbench HTTP contract, written once and run by every app against its own running
 * server, in every serving model. Its parts are interfaces of default test methods, one
 * per concern (endpoints, event streams, downstream calls, CGI, database, bad input,
 * concurrency, actuator); this class binds them to the server under test. A subclass
 * supplies only its {@link ServingModel}, and the profiles that choose its
 * {@link Transport} (plain, {@code tls} or {@code h2}): whatever passes here passes
 * identically on both stacks, because every expectation is an exact status, content type
 * and body, and what differs between models is data in the model, never a branch here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"stackbench.cgi.directory=../cgi-bin", "stackbench.downstream.timeout=2s" })
public abstract class AbstractContractTests implements EndpointContract, EventStreamContract, DownstreamContract,
		CgiContract, DatabaseContract, BadInputContract, ConcurrencyContract, ActuatorContract, TransportContract {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private Environment environment;

	private Transport transport;

	private ClientTls tls;

	private WebTestClient client;

	private WebTestClient management;

	@BeforeEach
	void bindToServer() {
		this.transport = Transport.of(this.environment);
		this.tls = this.transport.secure() ? ClientTls.trusting(this.environment) : null;
		HttpClient http = HttpClient.create();
		if (this.tls != null) {
			http = http.secure((spec) -> spec.sslContext(this.tls.netty(this.transport)))
				.protocol((this.transport == Transport.H2) ? HttpProtocol.H2 : HttpProtocol.HTTP11);
		}
		this.client = bindTo(baseUrl(), http);
		this.management = bindTo("http://localhost:" + this.managementPort, HttpClient.create());
	}

	private static WebTestClient bindTo(String baseUrl, HttpClient http) {
		// Scrapes with percentile histograms run past the default 256 KiB buffer.
		return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
			.baseUrl(baseUrl)
			.responseTimeout(Duration.ofSeconds(60))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build();
	}

	/** The client's TLS, trusting the app's certificate; null over plain HTTP. */
	protected ClientTls clientTls() {
		return this.tls;
	}

	@Override
	public Transport transport() {
		return this.transport;
	}

	@Override
	public RawHttp.Connector raw() {
		return (this.tls != null) ? () -> this.tls.openHttp1(this.port) : RawHttp.Connector.plain(this.port);
	}

	@Override
	public java.net.http.HttpClient jdkClient(java.net.http.HttpClient.Version version) {
		java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder().version(version);
		return ((this.tls != null) ? builder.sslContext(this.tls.jdk()) : builder).build();
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
