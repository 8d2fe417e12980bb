package dev.stackbench.comparison.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.theory.Headlines;
import dev.stackbench.gatling.simulation.StreamSimulation;
import org.junit.jupiter.api.Test;

/**
 * The SSE stream scenario's claims: a stack that waits on timers keeps the schedule, one
 * with fewer threads than streams open makes the rest wait a stream's length.
 */
class ServerSentEventsTests {

	private static final Scenario STREAM = new Scenario("stream", ScenarioTypes.of("stream"),
			StreamSimulation.DEFAULTS);

	private static final Map<String, Map<String, Object>> TUNING = Map.of("platform",
			Map.of("threads.max", 200, "virtual-threads", false), "virtual",
			Map.of("threads.max", 200, "virtual-threads", true));

	@Test
	void theStandardPresetQueuesOneBatchOfStreamsOnPlatformThreads() {
		StreamSimulation.Load standard = (StreamSimulation.Load) Preset.STANDARD.scenario("stream").load();
		assertThat(standard.subscribers()).isEqualTo(400);
		assertThat(standard.peakStreams()).as("400 arrive in 5 s, each stream 10 s long").isEqualTo(400);
		assertThat(ServerSentEvents.expectedWaitMillis(standard, 200))
			.as("one batch waits: 10 s less the 2.5 s the first 200 took to arrive")
			.isEqualTo(7_500);
		assertThat(StreamSimulation.DEFAULTS.peakStreams()).as("1,000 arrive in 5 s, each stream 10 s long")
			.isEqualTo(1000);
	}

	@Test
	void aStackThatWaitsOnTimersKeepsTheSchedule() {
		Claim kept = claim(Contender.REACTIVE, 50_000, 180, 400);
		assertThat(kept.held()).isTrue();
		assertThat(kept.statement()).contains("1,000 streams open at once", "none more than 1000 ms late");
		assertThat(kept.evidence()).startsWith("50,000 of 50,000 events delivered; lateness p50 ");
		assertThat(claim(Contender.VIRTUAL, 49_990, 180, 400).held()).as("ten events lost").isFalse();
		assertThat(claim(Contender.REACTIVE, 50_000, 900, 1_200).held()).as("an event a second late").isFalse();
	}

	@Test
	void platformThreadsFewerThanTheStreamsMakeTheRestWait() {
		// 1,000 arrivals over 5 s, one every 5 ms, on 200 threads each held 10 s: the
		// second 200 start as the first end, 10 s after them, the fifth 200 after 40 s;
		// the last arrived at 5 s and waits 36 s.
		assertThat(ServerSentEvents.expectedWaitMillis(StreamSimulation.DEFAULTS, 200)).isEqualTo(36_000);
		Claim capped = claim(Contender.PLATFORM, 50_000, 30_000, 35_500);
		assertThat(capped.statement()).contains("with 200 request threads for 1,000 streams open at once",
				"each starting when the stream 200 ahead of it ends: the last waits 36,000 ms");
		assertThat(capped.held()).isTrue();
		assertThat(claim(Contender.PLATFORM, 50_000, 100, 300).held())
			.as("a capped stack that kept the schedule contradicts the theory")
			.isFalse();
		assertThat(claim(Contender.PLATFORM, 50_000, 45_000, 50_000).held()).as("far later than the wait").isFalse();
		assertThat(claim(Contender.VIRTUAL, 50_000, 180, 400).held())
			.as("virtual threads are not capped by threads.max")
			.isTrue();
	}

	@Test
	void aMissingLatenessRowIsSaidNotSilent() {
		ScenarioResult run = new ScenarioResult(Contender.REACTIVE, STREAM, 1, true, "", List.of(), List.of(),
				AppMetrics.NONE, 0, 0, List.of());
		assertThat(STREAM.type().claims(run, new ClaimContext(List.of(run), TUNING))).singleElement()
			.satisfies((claim) -> {
				assertThat(claim.outcome()).isEqualTo(Claim.Outcome.NOT_CHECKED);
				assertThat(claim.evidence()).isEqualTo("row " + StreamSimulation.LATENESS + " missing");
			});
	}

	@Test
	void itsHeadlinesAreTheEventsDeliveredAndTheirLateness() {
		ScenarioResult run = run(Contender.REACTIVE, 50_000, 180, 400);
		assertThat(Headlines.of(STREAM))
			.extracting((measure) -> measure.figure() + " = " + measure.read().apply(run).getAsDouble())
			.containsExactly("events delivered of 50,000 = 50000.0",
					"p99 lateness of an event, 1,000 streams open at once = 180.0");
	}

	private static Claim claim(Contender stack, long delivered, int p99, int max) {
		ScenarioResult run = run(stack, delivered, p99, max);
		return STREAM.type().claims(run, new ClaimContext(List.of(run), TUNING)).getFirst();
	}

	private static ScenarioResult run(Contender stack, long delivered, int p99, int max) {
		List<RequestStats> rows = List.of(
				new RequestStats(StreamSimulation.CONNECT, 1_000, 0, 100, 5, 4, 8, 10, 20, 30, 30, 40),
				new RequestStats(StreamSimulation.STREAM, 1_000, 0, 100, 10_000, 10_000, 10_000, 10_000, 10_100, 10_200,
						10_200, 10_300),
				new RequestStats(StreamSimulation.LATENESS, delivered, 0, 3_300, 20, 10, 50, 80, p99, max, max, max));
		return new ScenarioResult(stack, STREAM, 1, true, "", rows, List.of(), AppMetrics.NONE, 5, 20, List.of());
	}

}
