package dev.stackbench.comparison.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every registered scenario type declares its headline figures and claims, or says on
 * purpose that it has none; and a claim whose rows are missing says so instead of
 * vanishing.
 */
class ScenarioTypesTests {

	@TestFactory
	List<DynamicTest> everyTypeDeclaresItsFiguresAndClaims() {
		return ScenarioTypes.ALL.stream().map((type) -> DynamicTest.dynamicTest(type.id(), () -> {
			Scenario scenario = new Scenario(type.id(), type, type.defaults());
			List<?> headlines = type.headlines(scenario);
			assertThat(!headlines.isEmpty() || headlines == ScenarioType.NO_HEADLINES)
				.as("%s has no headline figure and does not say so (NO_HEADLINES)", type.id())
				.isTrue();
			// Both branches theory has: a stack capped by its request threads, and one
			// not.
			for (Contender stack : List.of(Contender.REACTIVE, Contender.PLATFORM)) {
				ScenarioResult empty = new ScenarioResult(stack, scenario, 1, true, "", List.of(), List.of(),
						AppMetrics.NONE, 0, 0, List.of());
				List<Claim> claims = type.claims(empty, new ClaimContext(List.of(empty),
						Map.of("platform", Map.of("threads.max", 200, "virtual-threads", false))));
				assertThat(!claims.isEmpty() || claims == ScenarioType.NO_CLAIMS)
					.as("%s on %s makes no claim and does not say so (NO_CLAIMS)", type.id(), stack)
					.isTrue();
				assertThat(claims).as("%s on %s, a run without rows", type.id(), stack)
					.allMatch((claim) -> claim.outcome() != Claim.Outcome.HELD);
			}
		})).toList();
	}

}
