package dev.stackbench.workload;

/**
 * Thrown by workload validation; each stack's error handler turns it into its
 * {@link Problem} response.
 */
public class ProblemException extends RuntimeException {

	private final transient Problem problem;

	public ProblemException(ProblemType type, String detail) {
		this(Problem.of(type, detail));
	}

	public ProblemException(Problem problem) {
		super(problem.detail(), null, false, false);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

}
