package dev.stackbench.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.stackbench.workload.Api;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The management port: health, the tuning on info, and the metrics the dashboards read.
 */
interface ActuatorContract extends ContractContext {

	@Test
	default void healthAnswersOnTheManagementPortOnly() {
		assertHealthUp("/actuator/health");
		client().get().uri("/actuator/health").exchange().expectStatus().isNotFound();
	}

	@Test
	default void onlyHealthInfoAndPrometheusAreExposed() {
		for (String endpoint : List.of("env", "heapdump", "threaddump", "beans", "configprops", "mappings", "loggers",
				"metrics", "shutdown")) {
			management().get().uri("/actuator/" + endpoint).exchange().expectStatus().isNotFound();
		}
		management().post().uri("/actuator/shutdown").exchange().expectStatus().is4xxClientError();
	}

	@Test
	default void infoPublishesTheEffectiveTuning() {
		WebTestClient.BodyContentSpec info = management().get()
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
			.isEqualTo(port());
		for (Map.Entry<String, Object> knob : servingModel().tuning().entrySet()) {
			info.jsonPath("$.tuning.knobs['" + knob.getKey() + "']").isEqualTo(knob.getValue());
		}
	}

	/**
	 * Recorded once, by the app's own hook: Spring's request observation would count
	 * every request a second time. The hook records a request once its answer is
	 * complete, which can be just after the client has read it, so the count is awaited,
	 * and must then stay at 3 (a second count, however late, fails it).
	 */
	@Test
	default void eachRequestIsCountedOnce() {
		double before = helloCount();
		for (int i = 0; i < 3; i++) {
			client().get().uri("/api/hello").exchange().expectStatus().isOk();
		}
		await().atMost(Duration.ofSeconds(3))
			.during(Duration.ofMillis(500))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(helloCount() - before).isEqualTo(3));
	}

	private double helloCount() {
		return scrape().lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count{")
					&& line.contains("status=\"200\",uri=\"/api/hello\""))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	@Test
	default void prometheusExposesRequestHistogramsAndServerMetricsTaggedWithTheApplication() {
		client().get().uri("/api/hello").exchange().expectStatus().isOk();
		client().get().uri("/unknown-" + System.nanoTime()).exchange().expectStatus().isNotFound();
		management().get().uri("/actuator/health").exchange().expectStatus().isOk();
		String scrape = scrape();
		String application = "application=\"" + servingModel().application() + "\"";
		assertThat(scrape).contains("http_server_requests_seconds_bucket{" + application)
			.contains("uri=\"/api/hello\"")
			.contains("le=\"0.001\"")
			.contains("jvm_threads_live_threads{" + application)
			.contains("process_cpu_usage{" + application)
			.doesNotContain("/unknown-")
			// Scrapes and health checks are not the app's traffic. Counted, the health
			// check above would show as a 200 on the tag every path outside the API folds
			// into (tags are in alphabetical order).
			.doesNotContain("status=\"200\",uri=\"" + Api.OTHER_PATHS + "\"");
		for (String metric : servingModel().serverMetrics()) {
			assertThat(scrape).contains(metric + "{" + application);
		}
		for (String metric : servingModel().absentMetrics()) {
			assertThat(scrape).doesNotContain(metric);
		}
	}

	private String scrape() {
		return scrape(management());
	}

	/** What Prometheus would scrape now from the app whose management port this is. */
	static String scrape(WebTestClient management) {
		return management.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
