package dev.stackbench.workload.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RequestMetrics metrics = new RequestMetrics(this.registry);

	@Test
	void aRequestIsTimedWithSpringsTagsAndCountedInFlightMeanwhile() {
		long start = this.metrics.start();
		assertThat(this.registry.get(RequestMetrics.ACTIVE).gauge().value()).isEqualTo(1);
		this.metrics.stop(start, "GET", "/api/hello", 200, RequestMetrics.NO_EXCEPTION);
		assertThat(this.registry.get(RequestMetrics.ACTIVE).gauge().value()).isZero();
		Timer timer = this.registry.get(RequestMetrics.REQUESTS)
			.tag("method", "GET")
			.tag("uri", "/api/hello")
			.tag("status", "200")
			.tag("outcome", "SUCCESS")
			.tag("exception", "none")
			.tag("error", "none")
			.timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void whatAClientInventsCannotGrowTheRegistry() {
		for (int i = 0; i < 50; i++) {
			this.metrics.stop(this.metrics.start(), "BREW" + i, "/random-" + i, 404, RequestMetrics.NO_EXCEPTION);
		}
		assertThat(this.registry.find(RequestMetrics.REQUESTS).timers()).singleElement()
			.satisfies((timer) -> assertThat(timer.getId().getTag("uri")).isEqualTo("/**"))
			.satisfies((timer) -> assertThat(timer.getId().getTag("method")).isEqualTo("UNKNOWN"))
			.satisfies((timer) -> assertThat(timer.getId().getTag("outcome")).isEqualTo("CLIENT_ERROR"))
			.satisfies((timer) -> assertThat(timer.count()).isEqualTo(50));
	}

	@Test
	void outcomesFollowTheStatusClass() {
		assertThat(RequestMetrics.outcome(101)).isEqualTo("INFORMATIONAL");
		assertThat(RequestMetrics.outcome(204)).isEqualTo("SUCCESS");
		assertThat(RequestMetrics.outcome(302)).isEqualTo("REDIRECTION");
		assertThat(RequestMetrics.outcome(413)).isEqualTo("CLIENT_ERROR");
		assertThat(RequestMetrics.outcome(503)).isEqualTo("SERVER_ERROR");
		assertThat(RequestMetrics.outcome(0)).isEqualTo("UNKNOWN");
	}

}
