package dev.stackbench.servlet.system;

import org.springframework.core.Ordered;

/**
 * The servlet app's filters, outermost first: each one's place, and why, in one place.
 */
final class FilterOrder {

	/** Times every request, the ones the filters below refuse included. */
	static final int REQUEST_METRICS = Ordered.HIGHEST_PRECEDENCE;

	/**
	 * {@code X-Stack} and {@code X-Thread} on every answer, the refusals below included.
	 */
	static final int STACK_HEADERS = REQUEST_METRICS + 1;

	/**
	 * A request target the reactive app refuses too is refused before anything reads it.
	 */
	static final int REQUEST_TARGET = STACK_HEADERS + 1;

	/** The admission limit counts only requests that will be served. */
	static final int ADMISSION = REQUEST_TARGET + 1;

	/**
	 * Inside admission, so that a body that misses its deadline is answered like any
	 * other served request; outside everything that reads bodies.
	 */
	static final int REQUEST_BODY_DEADLINE = ADMISSION + 1;

	private FilterOrder() {
	}

}
