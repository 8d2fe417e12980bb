package dev.stackbench.comparison.theory;

import java.io.IOException;
import dev.stackbench.comparison.scenario.Capacity;
import java.nio.file.Path;
import java.util.List;

import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The self-checks and verdicts on a real comparison recorded here:
 * {@code -Dscenarios=capacity,capacity-slow
 * -Drepeat=3} on 2 cores (app on one, Gatling on the other), its {@code results.json} as
 * it was written.
 */
class RecordedRunTests {

	private static final Path RECORDED = Path.of("src/test/resources/recorded/capacity-3-runs");

	private final ComparisonResults recorded = read();

	@Test
	void littlesLawFindsThePlatformPoolsQueuePastItsCapOfTwoHundredThreads() {
		// 2,848 req/s offered on a 100 ms page: the clients wait on some 3,400 requests,
		// the app serves 200, its pool.
		SelfChecks.LittlesLaw pastTheCap = check(Contender.PLATFORM, 1, "step at 2,848 req/s");
		assertThat(pastTheCap.appInFlight()).isEqualTo(200);
		assertThat(pastTheCap.clientInFlight()).isCloseTo(3372, within(2.0));
		assertThat(pastTheCap.reading())
			.startsWith("3172 of the 3372 requests the clients wait on are not yet in the app's handlers");
		// Below it both sides count about the same on every stack: the check reads
		// nothing into noise.
		for (Contender stack : List.of(Contender.PLATFORM, Contender.VIRTUAL, Contender.REACTIVE)) {
			for (String step : List.of("step at 250 req/s", "step at 844 req/s", "step at 1,266 req/s",
					"step at 1,898 req/s")) {
				assertThat(check(stack, 1, step).reading()).as("%s %s", stack.id(), step).isEmpty();
			}
		}
	}

	@Test
	void aStepWhoseLoadGeneratorWasSaturatedIsNotCreditedToTheStack() {
		ScenarioResult platform = this.recorded.runsOf("capacity-slow", Contender.PLATFORM).getFirst();
		RateStep last = platform.steps().getLast();
		assertThat(last.offeredRate()).isEqualTo(6407);
		assertThat(last.loadGeneratorCpuShare()).isGreaterThanOrEqualTo(CapacitySearch.SATURATED_GENERATOR);
		Capacity.Load capacity = (Capacity.Load) platform.scenario().load();
		assertThat(CapacitySearch.verdict(last, capacity.sloMillis()))
			.isEqualTo(CapacitySearch.Verdict.LIMITED_BY_LOAD_GENERATOR);
		assertThat(SelfChecks.loadGenerator(this.recorded)).filteredOn(SelfChecks.LoadGenerator::saturated)
			.extracting(
					(check) -> check.result().stack().id() + " " + check.result().scenario().id() + " " + check.what())
			.contains("platform capacity-slow step at 6,407 req/s");
	}

	@Test
	void theSlowPagesCapacityIsThePlatformPoolsCapAndEventLoopsGoPastItBeyondNoise() {
		Verdicts.Row row = Verdicts.rows(this.recorded)
			.stream()
			.filter((candidate) -> candidate.measure().scenario().equals("capacity-slow")
					&& candidate.measure().regressionChecked() && !candidate.measure().latency())
			.findFirst()
			.orElseThrow();
		assertThat(row.spreads().get(Contender.PLATFORM).median()).isEqualTo(1898);
		assertThat(row.best()).contains(Contender.REACTIVE);
		assertThat(row.beyondNoise()).isTrue();
		assertThat(Baseline.regressions(this.recorded, this.recorded, 20)).as("a run against itself").isEmpty();
	}

	private SelfChecks.LittlesLaw check(Contender stack, int run, String step) {
		return SelfChecks.littlesLaw(this.recorded)
			.stream()
			.filter((check) -> check.result().stack() == stack && check.result().run() == run
					&& check.result().scenario().id().equals("capacity-slow") && check.what().equals(step))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Little's-law check for " + stack.id() + " " + step));
	}

	@Test
	void aResultsJsonOfTheSchemaBeforeScenarioTypesReadsAsABaseline() {
		assertThat(this.recorded.schemaVersion()).isEqualTo(2);
		assertThat(this.recorded.scenarios()).extracting((scenario) -> scenario.type().id()).containsOnly("capacity");
		assertThat(Baseline.regressions(this.recorded, this.recorded, 10)).isEmpty();
	}

	private static ComparisonResults read() {
		try {
			return Reports.read(RECORDED);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
