package dev.stackbench.workload;

/**
 * {@code GET /api/hello}: the smallest possible response, so that a run measures the
 * server and nothing else.
 */
public final class Hello {

	public static final String TEXT = "Hello World";

	private Hello() {
	}

}
