package dev.stackbench.comparison.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

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

	/**
	 * A claim as {@code results.json} holds it, {@code held} alone before claims had
	 * outcomes.
	 */
	@JsonCreator
	static Claim read(@JsonProperty("statement") String statement, @JsonProperty("outcome") Outcome outcome,
			@JsonProperty("held") Boolean held, @JsonProperty("evidence") String evidence) {
		return new Claim(statement,
				(outcome != null) ? outcome : Boolean.TRUE.equals(held) ? Outcome.HELD : Outcome.NOT_HELD, evidence);
	}

	public boolean held() {
		return this.outcome == Outcome.HELD;
	}

	public boolean checked() {
		return this.outcome != Outcome.NOT_CHECKED;
	}

}
