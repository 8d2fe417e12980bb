package dev.stackbench.gatling.simulation;

import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.util.Clock;
import io.gatling.core.action.Action;
import io.gatling.core.stats.StatsEngine;
import io.gatling.core.structure.ScenarioContext;
import io.gatling.javaapi.core.ActionBuilder;
import io.gatling.javaapi.core.Session;
import scala.Option;

/**
 * Responses a simulation times itself, written to the run's log as Gatling writes its
 * own, so that they are request rows like any other: in the HTML report, in the
 * comparison (which reads the log), and in assertions. For what Gatling cannot time, such
 * as how late a server-sent event came against its schedule.
 * <p>
 * Gatling's Java DSL has no public way to log a response, so this goes through its Scala
 * core ({@code StatsEngine.logResponse}, as its own actions do), reached by an action
 * that only hands the stats engine and clock over when Gatling builds the scenario. The
 * one class of this module that does so; written against Gatling 3.15.
 */
final class RecordedResponses {

	private volatile StatsEngine statsEngine;

	private volatile Clock clock;

	/**
	 * An action that does nothing when a user runs it: building it hands Gatling's stats
	 * engine and clock over. It must come before any use of {@link #nowMillis} or
	 * {@link #log} in the scenario.
	 */
	ActionBuilder attach() {
		return () -> new io.gatling.core.action.builder.ActionBuilder() {

			@Override
			public Action build(ScenarioContext context, Action next) {
				RecordedResponses.this.statsEngine = context.coreComponents().statsEngine();
				RecordedResponses.this.clock = context.coreComponents().clock();
				return next;
			}

		};
	}

	/**
	 * Now on Gatling's clock, the one its own responses and the arrival of its SSE
	 * messages are timed with (monotonic, not the wall clock).
	 */
	long nowMillis() {
		return this.clock.nowMillis();
	}

	/**
	 * Logs a response of the user's scenario and groups, its response time
	 * {@code endMillis - startMillis} (at least 1 ms, as for every Gatling response).
	 * @param error null for a success, or why it failed (its row in the error table)
	 */
	void log(Session session, String name, long startMillis, long endMillis, String error) {
		io.gatling.core.session.Session user = session.asScala();
		this.statsEngine.logResponse(user.scenario(), user.groups(), name, startMillis, endMillis,
				(error != null) ? KO$.MODULE$ : OK$.MODULE$, Option.empty(), Option.apply(error));
	}

}
