package dev.stackbench.contract;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.EventStream;
import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stackbench HTTP contract, written once and run by every app against its own running
 * server, in every serving model. A subclass supplies only its {@link ServingModel};
 * whatever passes here passes identically on both stacks, because every expectation is an
 * exact status, content type and body.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"stackbench.cgi.directory=../cgi-bin", "stackbench.downstream.timeout=2s" })
public abstract class AbstractContractTests {

	/** Slow requests sent at once by the concurrency tests. */
	private static final int SIMULTANEOUS = 8;

	private static final Duration DELAY = Duration.ofSeconds(1);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private WebTestClient client;

	private WebTestClient management;

	/** How the app under test serves requests. */
	protected abstract ServingModel servingModel();

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

	// Endpoints

	@Test
	void helloSaysHelloWorldInPlainText() {
		this.client.get()
			.uri("/api/hello")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/plain;charset=UTF-8")
			.expectBody(String.class)
			.isEqualTo("Hello World");
	}

	@Test
	void everyResponseNamesItsStackAndThread() {
		for (String path : List.of("/api/hello", "/api/json", "/api/slow?delay=0", "/api/cpu?work=1", "/api/nope")) {
			this.client.get()
				.uri(path)
				.exchange()
				.expectHeader()
				.valueEquals("X-Stack", servingModel().stack())
				.expectHeader()
				.valueMatches("X-Thread", servingModel().threadNamePattern());
		}
	}

	/**
	 * Nothing tells a scanner which server and version to attack, on answers or on
	 * errors.
	 */
	@Test
	void responsesCarryNoServerBanner() {
		for (String path : List.of("/api/hello", "/api/slow?delay=-1", "/api/nope", "/api/%2e%2e/etc/passwd")) {
			this.client.get()
				.uri(URI.create("http://localhost:" + this.port + path))
				.exchange()
				.expectHeader()
				.doesNotExist(HttpHeaders.SERVER)
				.expectHeader()
				.doesNotExist("X-Powered-By");
		}
	}

	@Test
	void jsonIsAFixedDocument() {
		this.client.get()
			.uri("/api/json")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo("{\"project\":\"stackbench\",\"question\":\"Spring MVC on Tomcat or WebFlux on Reactor Netty?\","
					+ "\"stacks\":[\"servlet\",\"reactive\"],\"version\":1}");
	}

	@Test
	void slowAnswersAfterTheDefaultDelayOfOneHundredMilliseconds() {
		long started = System.nanoTime();
		this.client.get()
			.uri("/api/slow")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo("{\"delay\":100}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
	}

	@Test
	void slowAnswersAfterTheRequestedDelay() {
		long started = System.nanoTime();
		this.client.get().uri("/api/slow?delay=300").exchange().expectBody(String.class).isEqualTo("{\"delay\":300}");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(300),
				Duration.ofSeconds(10));
		this.client.get().uri("/api/slow?delay=0").exchange().expectBody(String.class).isEqualTo("{\"delay\":0}");
	}

	@Test
	void cpuReturnsTheDigestAfterNRounds() {
		// sha256 applied once and 1000 times to "stackbench", computed independently
		// (Python's hashlib).
		this.client.get()
			.uri("/api/cpu?work=1")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo("{\"work\":1,\"digest\":\"1645117901f6298be65ab8a4a147d265f6ef5b2a2e783bc0503557a84f073386\"}");
		this.client.get()
			.uri("/api/cpu")
			.exchange()
			.expectBody(String.class)
			.isEqualTo(
					"{\"work\":1000,\"digest\":\"420d668785cd00a6e45d6a6beda07f762c9f123bdfd5213aec52982947e01945\"}");
	}

	@Test
	void echoReturnsTheBodyByteForByte() {
		String body = " {\"text\": \"caf\u00e9 \u2615\", \"n\": [1, 2.50, -0e3], \"nested\": {\"ok\": true}} ";
		this.client.post()
			.uri("/api/echo")
			.contentType(MediaType.parseMediaType("application/json; charset=utf-8"))
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(byte[].class)
			.isEqualTo(body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * A client that keeps its connection sends request after request on it, mixing pages
	 * answered from a timer, from the request thread and after reading a body. Reactor
	 * Netty 1.3.7 stopped reading such a connection after slow, cpu, echo in a row
	 * (reactor/reactor-netty#4361): the echo never got its body and hung.
	 */
	@Test
	void oneKeepAliveConnectionServesEveryKindOfRequestInTurn() throws Exception {
		HttpClient keepAlive = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		String base = "http://localhost:" + this.port;
		String json = "{\"ping\":[1,2,{\"pong\":true}]}";
		for (int round = 0; round < 40; round++) {
			for (HttpRequest request : List.of(HttpRequest.newBuilder(URI.create(base + "/api/slow?delay=5")).build(),
					HttpRequest.newBuilder(URI.create(base + "/api/cpu?work=10")).build(),
					HttpRequest.newBuilder(URI.create(base + "/api/echo"))
						.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
						.POST(HttpRequest.BodyPublishers.ofString(json))
						.build())) {
				HttpResponse<String> response = keepAlive.send(
						HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).as("round %d: %s", round, request.uri()).isEqualTo(200);
			}
		}
	}

	@Test
	void echoAcceptsABodyOfExactlySixtyFourKibibytes() {
		byte[] body = ("\"" + "x".repeat(65_536 - 2) + "\"").getBytes(StandardCharsets.US_ASCII);
		this.client.post()
			.uri("/api/echo")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.isEqualTo(body);
	}

	// Server-sent events

	/**
	 * Read off the socket, so that what is compared is the bytes on the wire, which both
	 * apps must send alike.
	 */
	@Test
	void streamSendsEachEventAfterItsInterval() throws IOException {
		long start = System.nanoTime();
		RawHttp.Response response = RawHttp.exchange(this.port, "GET", "/api/stream?count=3&interval=100", Map.of(),
				null);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header(HttpHeaders.CONTENT_TYPE)).isEqualTo(EventStream.CONTENT_TYPE);
		assertThat(response.body()).isEqualTo("id:1\nevent:tick\ndata:{\"n\":1,\"of\":3}\n\n"
				+ "id:2\nevent:tick\ndata:{\"n\":2,\"of\":3}\n\n" + "id:3\nevent:tick\ndata:{\"n\":3,\"of\":3}\n\n");
	}

	/**
	 * A 100-second stream whose client leaves after its first event must free whatever
	 * served it: on the one-thread profile the only request thread, which the next
	 * request needs.
	 */
	@Test
	void aStreamWhoseClientLeavesFreesItsThread() throws IOException {
		try (Socket socket = new Socket("localhost", this.port)) {
			socket.getOutputStream()
				.write("GET /api/stream?count=1000&interval=100 HTTP/1.1\r\nHost: localhost\r\n\r\n"
					.getBytes(StandardCharsets.US_ASCII));
			assertThat(RawHttp.readUntil(socket, "id:1\n")).as("the stream's first event").endsWith("id:1\n");
		}
		long start = System.nanoTime();
		this.client.get().uri("/api/hello").exchange().expectStatus().isOk();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the next request after the client left")
			.isLessThan(Duration.ofSeconds(2));
	}

	// Downstream calls

	@DynamicPropertySource
	static void downstreamStub(DynamicPropertyRegistry registry) {
		registry.add("stackbench.downstream.base-url", DownstreamStub::baseUrl);
	}

	@Test
	void downstreamMakesItsCallsInParallelAndCombinesThem() {
		long start = System.nanoTime();
		this.client.get()
			.uri("/api/downstream?calls=5&delay=300")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.isEqualTo("{\"calls\":5,\"delay\":300,\"pages\":["
					+ String.join(",", Collections.nCopies(5, "{\"delay\":300}")) + "]}");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("five calls of 300 ms in parallel")
			.isBetween(Duration.ofMillis(300), Duration.ofMillis(1200));
	}

	@Test
	void aDownstreamCallPastTheTimeoutIsAGatewayTimeout() {
		this.client.get()
			.uri("/api/downstream?calls=2&delay=4000")
			.exchange()
			.expectStatus()
			.isEqualTo(504)
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("The downstream service did not answer within 2000 ms");
	}

	@Test
	void aFailingDownstreamCallIsABadGateway() {
		this.client.get()
			.uri("/api/downstream?calls=3&delay=" + DownstreamStub.FAILING_DELAY)
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:stackbench:problem:bad-gateway")
			.jsonPath("$.detail")
			.isEqualTo("The downstream service failed to answer");
	}

	// CGI

	@Test
	void cgiHelloAnswersWhatTheProgramWrote() {
		this.client.get()
			.uri("/api/cgi/hello.cgi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/plain")
			.expectHeader()
			.valueEquals(Api.STACK_HEADER, servingModel().stack())
			.expectHeader()
			.doesNotExist("Content-Disposition")
			.expectBody(String.class)
			.isEqualTo("Hello from CGI\n");
	}

	@Test
	void cgiEnvSeesTheRfc3875MetaVariablesAndNothingElse() {
		String env = this.client.post()
			.uri(URI.create("http://localhost:" + this.port + "/api/cgi/env.cgi/some%20where?a=1&b=%41"))
			.header("X-Test", "yes")
			.header("Proxy", "http://attacker:3128")
			.header("Authorization", "Basic c2VjcmV0")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("four")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(env).contains("GATEWAY_INTERFACE=CGI/1.1\n", "SERVER_PROTOCOL=HTTP/1.1\n", "SERVER_NAME=localhost\n",
				"SERVER_PORT=" + this.port + "\n", "REQUEST_METHOD=POST\n", "SCRIPT_NAME=/api/cgi/env.cgi\n",
				"PATH_INFO=/some where\n", "QUERY_STRING=a=1&b=%41\n", "REMOTE_ADDR=127.0.0.1\n", "CONTENT_LENGTH=4\n",
				"CONTENT_TYPE=text/plain\n", "HTTP_X_TEST=yes\n", "HTTP_HOST=localhost:" + this.port + "\n",
				"PATH=/usr/local/bin:/usr/bin:/bin\n");
		assertThat(env).doesNotContain("HTTP_PROXY", "HTTP_AUTHORIZATION", "c2VjcmV0", "HOME=", "JAVA", "USER=");
	}

	@Test
	void cgiSlowWaitsAndAProgramsOwnStatusPassesThrough() {
		long start = System.nanoTime();
		this.client.get()
			.uri("/api/cgi/slow.cgi?delay=300")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("slow page after 300 ms\n");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		this.client.get()
			.uri("/api/cgi/slow.cgi?delay=x")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("text/plain")
			.expectBody(String.class)
			.isEqualTo("delay must be a whole number from 0 to 30000\n");
	}

	// Errors

	static Stream<BadRequest> badRequests() {
		return BadRequest.all();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badRequests")
	void badInputGetsTheSameProblemDocumentOnEveryStack(BadRequest request) throws IOException {
		RawHttp.Response response = request.sendTo(this.port);
		assertThat(response.status()).isEqualTo(request.status());
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body()).isEqualTo(request.expectedBody());
		assertThat(response.header("X-Stack")).isEqualTo(servingModel().stack());
		assertThat(response.header("X-Thread")).isNotBlank();
		assertThat(response.header("Server")).isNull();
		assertThat(response.header("Content-Disposition")).as("a problem names no file").isNull();
	}

	@Test
	void aHeadWellInsideTheSizeLimitIsServed() throws IOException {
		String half = "a".repeat(3_000);
		RawHttp.Response response = RawHttp.exchange(this.port, "GET", "/api/hello?x=" + half, Map.of("X-Big", half),
				null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("Hello World");
	}

	@Test
	void wrongMethodNamesTheAllowedOnes() {
		this.client.post()
			.uri("/api/hello")
			.exchange()
			.expectStatus()
			.isEqualTo(405)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "GET");
	}

	/**
	 * A client's mistake is the client's: answered and counted, but not logged as a
	 * warning or an error, or a scan of random URLs fills the log (and one app would
	 * spend time logging that the other does not).
	 */
	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void appStaysHealthyAndQuietAfterEveryBadRequest(CapturedOutput output) throws IOException {
		for (BadRequest request : BadRequest.all().toList()) {
			request.sendTo(this.port);
		}
		this.client.get().uri("/api/hello").exchange().expectStatus().isOk();
		this.management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		assertThat(output.getAll()
			.lines()
			.filter((line) -> line.contains(" WARN ") || line.contains(" ERROR "))
			// Netty's leak detector reports at garbage collection whatever buffer was
			// lost earlier, whoever lost it
			// (WebTestClient's own client leaks some): such a report says nothing about
			// the requests sent here.
			.filter((line) -> !line.contains(ResourceLeakDetector.class.getName())))
			.as("warnings and errors logged for bad requests")
			.isEmpty();
	}

	// Concurrency

	@Test
	void simultaneousSlowRequestsAreServedAsTheModelPredicts() throws Exception {
		Burst burst = sendSimultaneously("/api/slow?delay=" + DELAY.toMillis());
		Duration elapsed = burst.elapsed();
		Set<String> threads = new HashSet<>();
		for (EntityExchangeResult<String> result : burst.results()) {
			assertThat(result.getStatus().value()).isEqualTo(200);
			threads.add(result.getResponseHeaders().getFirst("X-Thread"));
		}
		switch (servingModel().concurrency()) {
			case THREAD_PER_REQUEST -> {
				assertThat(elapsed).as("all at once").isLessThan(DELAY.multipliedBy(3));
				assertThat(threads).as("a thread each").hasSize(SIMULTANEOUS);
			}
			case SEQUENTIAL -> {
				assertThat(elapsed).as("one after another").isGreaterThanOrEqualTo(DELAY.multipliedBy(SIMULTANEOUS));
				assertThat(threads).as("all on the one thread").hasSize(1);
			}
			case SHARED_THREADS -> {
				assertThat(elapsed).as("all at once").isLessThan(DELAY.multipliedBy(3));
				assertThat(threads).as("fewer threads than requests").hasSizeLessThan(SIMULTANEOUS);
			}
			case ONE_SHARED_THREAD -> {
				assertThat(elapsed).as("all at once").isLessThan(DELAY.multipliedBy(3));
				assertThat(threads).as("all on the one event loop").hasSize(1);
			}
		}
	}

	private record Burst(List<EntityExchangeResult<String>> results, Duration elapsed) {
	}

	private Burst sendSimultaneously(String path) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService senders = Executors.newFixedThreadPool(SIMULTANEOUS)) {
			List<Future<EntityExchangeResult<String>>> futures = new ArrayList<>();
			for (int i = 0; i < SIMULTANEOUS; i++) {
				futures.add(senders.submit(() -> {
					start.await();
					return this.client.get().uri(path).exchange().expectBody(String.class).returnResult();
				}));
			}
			long started = System.nanoTime();
			start.countDown();
			List<EntityExchangeResult<String>> results = new ArrayList<>();
			for (Future<EntityExchangeResult<String>> future : futures) {
				results.add(future.get());
			}
			return new Burst(results, Duration.ofNanos(System.nanoTime() - started));
		}
	}

	// Actuator

	@Test
	void healthAnswersOnTheManagementPortOnly() {
		this.management.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		for (String endpoint : List.of("env", "heapdump", "threaddump", "beans", "configprops", "mappings", "loggers",
				"metrics", "shutdown")) {
			this.management.get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
		}
		this.management.post().uri("/actuator/shutdown").exchange().expectStatus().is4xxClientError();
	}

	@Test
	void infoPublishesTheEffectiveTuning() {
		WebTestClient.BodyContentSpec info = this.management.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tuning.stack")
			.isEqualTo(servingModel().stack())
			.jsonPath("$.tuning.model")
			.isEqualTo(servingModel().model())
			.jsonPath("$.tuning.knobs.port")
			.isEqualTo(this.port);
		for (Map.Entry<String, Object> knob : servingModel().tuning().entrySet()) {
			info.jsonPath("$.tuning.knobs['" + knob.getKey() + "']").isEqualTo(knob.getValue());
		}
	}

	/**
	 * Recorded once, by the app's own hook: Spring's request observation would count
	 * every request a second time.
	 */
	@Test
	void eachRequestIsCountedOnce() {
		double before = helloCount();
		for (int i = 0; i < 3; i++) {
			this.client.get().uri("/api/hello").exchange().expectStatus().isOk();
		}
		assertThat(helloCount() - before).isEqualTo(3);
	}

	private double helloCount() {
		String scrape = this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return scrape.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("status=\"200\",uri=\"/api/hello\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	void prometheusExposesRequestHistogramsAndServerMetricsTaggedWithTheApplication() {
		this.client.get().uri("/api/hello").exchange().expectStatus().isOk();
		this.client.get().uri("/unknown-" + System.nanoTime()).exchange().expectStatus().isNotFound();
		this.management.get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = this.management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		String application = "application=\"" + servingModel().application() + "\"";
		assertThat(scrape).contains("http_server_requests_seconds_bucket{" + application)
			.contains("uri=\"/api/hello\"")
			.contains("le=\"0.001\"")
			.contains("jvm_threads_live_threads{" + application)
			.contains("process_cpu_usage{" + application)
			.doesNotContain("/unknown-")
			// Scrapes and health checks are not the app's traffic. Counted, the health
			// check above would show as a 200
			// on the tag every path outside the API folds into (tags are in alphabetical
			// order).
			.doesNotContain("status=\"200\",uri=\"" + Api.OTHER_PATHS + "\"");
		List<String> serverMetrics = servingModel().stack().equals("servlet")
				? List.of("tomcat_threads_busy_threads", "tomcat_threads_config_max_threads",
						"tomcat_connections_current_connections", "tomcat_connections_config_max_connections")
				: List.of("reactor_netty_http_server_connections", "reactor_netty_http_server_connections_active",
						"reactor_netty_http_server_data_received_time_seconds_count",
						"reactor_netty_http_server_data_sent_bytes_total", "reactor_netty_eventloop_pending_tasks");
		for (String metric : serverMetrics) {
			assertThat(scrape).contains(metric + "{" + application);
		}
	}

}
