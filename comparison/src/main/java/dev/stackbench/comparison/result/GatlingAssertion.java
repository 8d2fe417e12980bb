package dev.stackbench.comparison.result;

/**
 * One of a simulation's Gatling assertions as it came out in one Gatling run, read from
 * the run's log by the comparison itself: Gatling 3.10 stopped writing its assertion
 * results to files, and its run returns only an exit code.
 *
 * @param assertion Gatling's own wording of it, e.g. "Global: percentage of failed events
 * is less than or equal to 1.0"
 * @param passed whether it held
 * @param actual the value it was judged on, in its own unit, or why none could be read (a
 * request name it names that never ran)
 */
public record GatlingAssertion(String assertion, boolean passed, String actual) {

	/**
	 * The same assertion, named after the Gatling run it came from within a scenario of
	 * several runs (a phase, a window, a pair).
	 */
	public GatlingAssertion in(String run) {
		return new GatlingAssertion(run + ": " + this.assertion, this.passed, this.actual);
	}

}
