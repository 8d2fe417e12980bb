package dev.stackbench.comparison.run;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTests {

	private static final String SCRAPE = """
			# HELP jvm_memory_used_bytes The amount of used memory
			# TYPE jvm_memory_used_bytes gauge
			jvm_memory_used_bytes{application="servlet-app",area="heap",id="G1 Eden Space"} 1.048576E7
			jvm_memory_used_bytes{application="servlet-app",area="heap",id="G1 Old Gen"} 2097152.0
			jvm_memory_used_bytes{application="servlet-app",area="nonheap",id="Metaspace"} 5.0E7
			process_cpu_time_ns_total{application="servlet-app"} 9.15E9
			tomcat_threads_busy_threads{application="servlet-app",name="http-nio-8080"} 7.0
			jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause"} 3
			jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold"} 1
			""";

	private final Prometheus prometheus = Prometheus.parse(SCRAPE);

	@Test
	void sumsEverySeriesOfAMetric() {
		assertThat(this.prometheus.sum("jvm_gc_pause_seconds_count")).hasValue(4);
		assertThat(this.prometheus.sum("process_cpu_time_ns_total")).hasValue(9.15e9);
	}

	@Test
	void sumsOnlyTheSeriesCarryingALabel() {
		assertThat(this.prometheus.sum("jvm_memory_used_bytes", "area=\"heap\"")).hasValue(12_582_912);
	}

	@Test
	void mergedScrapesSumOverEveryReplica() {
		assertThat(Prometheus.merge(List.of(this.prometheus, this.prometheus)).sum("jvm_gc_pause_seconds_count"))
			.hasValue(8);
	}

	/**
	 * A replica restarted during a sampling starts its counters from 0 again: its rise
	 * before and after the restart both count, as PromQL's increase() counts them.
	 */
	@Test
	void aCounterThatRestartsCountsItsRisesOnBothSides() {
		List<Prometheus> scrapes = Stream.of(100, 150, 180, 20, 70)
			.map((served) -> Prometheus.parse(MetricsSampler.SERVED + "{protocol=\"HTTP/1.1\"} " + served))
			.toList();
		assertThat(MetricsSampler.increase(scrapes, MetricsSampler.SERVED)).isEqualTo(50 + 30 + 20 + 50);
		assertThat(MetricsSampler.increase(scrapes.subList(0, 3), MetricsSampler.SERVED)).isEqualTo(80);
	}

	@Test
	void aMetricTheStackDoesNotHaveIsEmptyNotZero() {
		assertThat(this.prometheus.sum("reactor_netty_http_server_connections_active")).isEmpty();
		assertThat(this.prometheus.sum("tomcat_threads_busy_threads")).hasValue(7);
	}

}
