package dev.stackbench.comparison.result;

/**
 * A statement from queueing theory, checked against this run.
 *
 * @param statement what theory predicts
 * @param outcome whether the measurement agrees, or why it could not be checked
 * @param evidence the numbers that decided it, or what was missing
 */
public record Claim(String statement, Outcome outcome, String evidence) {

	/** How a claim came out. */
	public enum Outcome {

		HELD, NOT_HELD,

		/** A figure the claim needs is missing from the run: said, never silence. */
		NOT_CHECKED

	}

	public Claim(String statement, boolean held, String evidence) {
		this(statement, held ? Outcome.HELD : Outcome.NOT_HELD, evidence);
	}

	/** A claim that could not be checked, with what was missing. */
	public static Claim notChecked(String statement, String missing) {
		return new Claim(statement, Outcome.NOT_CHECKED, missing);
	}

	public boolean held() {
		return this.outcome == Outcome.HELD;
	}

	public boolean checked() {
		return this.outcome != Outcome.NOT_CHECKED;
	}

}
