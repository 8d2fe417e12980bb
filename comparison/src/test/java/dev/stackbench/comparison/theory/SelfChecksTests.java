package dev.stackbench.comparison.theory;

import java.util.List;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SelfChecksTests {

	private final ComparisonResults comparison = Fixtures.comparison();

	@Test
	void aSaturatedLoadGeneratorIsNamedWhereverItWas() {
		List<SelfChecks.LoadGenerator> saturated = SelfChecks.loadGenerator(this.comparison)
			.stream()
			.filter(SelfChecks.LoadGenerator::saturated)
			.toList();
		// Only the reactive capacity search's last two steps: 95% of the generator's
		// core.
		assertThat(saturated).extracting((check) -> check.result().stack().id() + " " + check.what())
			.containsExactly("reactive step at 16,000 req/s", "reactive step at 32,000 req/s");
		assertThat(SelfChecks.loadGeneratorLimited(this.comparison, "capacity")).isTrue();
		assertThat(SelfChecks.loadGeneratorLimited(this.comparison, "keep-alive")).isFalse();
		// A whole scenario counts too: the flood used 20 s of CPU in 30 s on one core,
		// 67%, under the bar.
		assertThat(SelfChecks.loadGenerator(this.comparison))
			.filteredOn((check) -> check.result().scenario().id().equals("connection-flood"))
			.allSatisfy((check) -> assertThat(check.cpuShare()).isCloseTo(0.667, within(0.001)));
	}

	@Test
	void littlesLawReadsRequestsQueuedBeforeTheHandler() {
		List<SelfChecks.LittlesLaw> checks = SelfChecks.littlesLaw(this.comparison);
		SelfChecks.LittlesLaw platform = checks.stream()
			.filter((check) -> check.result().stack() == Contender.PLATFORM
					&& check.result().scenario().id().equals("concurrent-slow"))
			.findFirst()
			.orElseThrow();
		// 395 req/s × 0.52 s = 205 in flight for the clients; the app's gauge saw 150.
		assertThat(platform.clientInFlight()).isCloseTo(205.4, within(0.01));
		assertThat(platform.gap()).isCloseTo(0.27, within(0.01));
		assertThat(platform.reading())
			.startsWith("55 of the 205 requests the clients wait on are not yet in the app's handlers");
		// Capacity steps of a fast page: under 5 in flight (1,000 req/s × 1 ms) is below
		// what can be read; at 8,000 req/s, 7.2 for the clients against the app's 8 agree
		// within a quarter.
		List<String> capacitySteps = checks.stream()
			.filter((check) -> check.result().stack() == Contender.PLATFORM
					&& check.result().scenario().id().equals("capacity"))
			.map((check) -> check.what() + ": " + (check.reading().isEmpty() ? "agrees" : check.reading()))
			.toList();
		assertThat(capacitySteps).containsExactly("step at 8,000 req/s: agrees", "step at 16,000 req/s: agrees");
	}

}
