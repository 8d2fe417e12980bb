package dev.stackbench.workload;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventStreamTests {

	@Test
	void defaultsToTenEventsEveryHundredMilliseconds() {
		EventStream stream = EventStream.of(Query.parse(null));
		assertThat(stream.count()).isEqualTo(10);
		assertThat(stream.intervalDuration()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void eventsAreNumberedServerSentEvents() {
		EventStream stream = EventStream.of(Query.parse("count=3&interval=5"));
		assertThat(new String(stream.event(2), StandardCharsets.UTF_8))
			.isEqualTo("id:2\nevent:tick\ndata:{\"n\":2,\"of\":3}\n\n");
	}

	@Test
	void countAndIntervalAreBounded() {
		for (String query : new String[] { "count=0", "count=1001", "interval=0", "interval=10001", "count=x" }) {
			assertThatExceptionOfType(ProblemException.class).as(query)
				.isThrownBy(() -> EventStream.of(Query.parse(query)));
		}
	}

}
