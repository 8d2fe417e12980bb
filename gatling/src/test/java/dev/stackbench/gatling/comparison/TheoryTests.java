package dev.stackbench.gatling.comparison;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TheoryTests {

	private final ComparisonResults comparison = Fixtures.comparison();

	@Test
	void platformThreadsAreCappedAtThreadsOverDelay() {
		Claim claim = claim("platform: with 200 request threads");
		assertThat(claim.statement()).contains("capped at threads / delay = 400 req/s");
		assertThat(claim.held()).isTrue();
		assertThat(claim.evidence()).contains("395 req/s");
	}

	@Test
	void aStackThatDoesNotBlockMustReachEightyPercentOfTheBound() {
		assertThat(claim("virtual: at 1000 concurrent slow requests").held()).isTrue();
		Claim reactive = claim("reactive: at 1000 concurrent slow requests");
		assertThat(reactive.held()).isFalse();
		assertThat(reactive.evidence()).isEqualTo("1500 req/s = 75% of the bound");
	}

	@Test
	void connectionCloseMustCostThroughput() {
		assertThat(claim("platform: with Connection: close").held()).isTrue();
		assertThat(claim("platform: with Connection: close").evidence()).contains("-60%");
		assertThat(claim("reactive: with Connection: close").held()).isFalse();
	}

	@Test
	void aFloodHoldsOnlyWhenEveryConnectionIsAnswered() {
		Claim platform = claim("platform: holds 4000 concurrent connections");
		assertThat(platform.held()).isFalse();
		assertThat(platform.evidence()).contains("1200 of 4000 answered, 300 failed, 2500 unanswered")
			.contains("300 x Request timeout");
		assertThat(claim("virtual: holds 4000 concurrent connections").held()).isTrue();
	}

	@Test
	void boundsComeFromUsersOverDelayOrFromTheRate() {
		ScenarioResult virtualSlow = this.comparison.resultsOf("concurrent-slow").get(1);
		assertThat(Theory.bound(virtualSlow)).hasValue(2000);
		assertThat(Theory.ratioToBound(virtualSlow).getAsDouble()).isCloseTo(0.95, within(1e-9));
		assertThat(Theory.bound(this.comparison.resultsOf("keep-alive").getFirst())).isEmpty();
		assertThat(Theory.delayOf("/api/slow?delay=250&x=1")).isEqualTo(250);
	}

	@Test
	void aSoakHoldsWhenNothingFailsAndHeapAfterGcStaysFlat() {
		Scenario soak = new Scenario("soak", Scenario.Kind.SOAK, "SoakSimulation", Map.of("rate", "200"));
		List<Claim> claims = Theory.claims(List.of(soakResult(soak, "virtual", 100, 105, 0), soakResult(soak, "reactive", 100, 150, 0),
				soakResult(soak, "platform", 100, 100, 3)), Map.of());
		assertThat(claims).extracting(Claim::held).containsExactly(true, false, false);
		assertThat(claims.get(1).evidence()).isEqualTo("1003 requests, 0 failed; heap after GC 100 MB at the start, 150 MB at the end");
	}

	private static ScenarioResult soakResult(Scenario soak, String stack, double heapStart, double heapEnd, long failed) {
		return new ScenarioResult(stack, soak.id(), soak.kind(), soak.parameters(), failed == 0, "soak/index.html",
				List.of(new RequestStats("hello", 1003 - failed, failed, 200, 1, 2, 3, 4)), List.of(),
				new AppMetrics(10, 20, 20, -1, 10, 300, 50, 0.5, heapStart, heapEnd, 600), 20);
	}

	private Claim claim(String prefix) {
		List<Claim> matching = this.comparison.claims().stream().filter((claim) -> claim.statement().startsWith(prefix)).toList();
		assertThat(matching).as("claims starting with '%s'", prefix).hasSize(1);
		return matching.getFirst();
	}

}
