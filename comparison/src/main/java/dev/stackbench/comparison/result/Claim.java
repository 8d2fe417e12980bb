package dev.stackbench.comparison.result;

/**
 * A statement from queueing theory, checked against this run.
 *
 * @param statement what theory predicts
 * @param held whether the measurement agrees
 * @param evidence the numbers that decided it
 */
public record Claim(String statement, boolean held, String evidence) {
}
