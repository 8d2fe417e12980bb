package dev.stackbench.workload;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DownstreamTests {

	@Test
	void defaultsToTenCallsOfTheDefaultSlowPage() {
		Downstream downstream = Downstream.of(Query.parse(null));
		assertThat(downstream.calls()).isEqualTo(10);
		assertThat(downstream.slowPagePath()).isEqualTo("/api/slow?delay=100");
	}

	@Test
	void callsAreBoundedAndDelayIsTheSlowPages() {
		assertThat(Downstream.of(Query.parse("calls=100&delay=0")).slowPagePath()).isEqualTo("/api/slow?delay=0");
		for (String query : new String[] { "calls=0", "calls=101", "delay=30001", "calls=1&calls=2" }) {
			assertThatExceptionOfType(ProblemException.class).as(query)
				.isThrownBy(() -> Downstream.of(Query.parse(query)));
		}
	}

	@Test
	void failuresAreGatewayProblems() {
		assertThat(Downstream.timedOut(Duration.ofSeconds(2)).problem().status()).isEqualTo(504);
		assertThat(Downstream.failed().problem().status()).isEqualTo(502);
		assertThat(Downstream.of(Query.parse("calls=2")).combine(List.of(new SlowPage(100), new SlowPage(100))).pages())
			.hasSize(2);
	}

}
