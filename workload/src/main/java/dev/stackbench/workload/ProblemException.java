package dev.stackbench.workload;

/**
 * Thrown by workload validation; each stack's error handler turns it into its
 * {@link Problem} response.
 */
public class ProblemException extends RuntimeException {

	private final transient Problem problem;

	public ProblemException(ProblemType type, String detail) {
		super(detail, null, false, false);
		this.problem = Problem.of(type, detail);
	}

	public Problem problem() {
		return this.problem;
	}

}
