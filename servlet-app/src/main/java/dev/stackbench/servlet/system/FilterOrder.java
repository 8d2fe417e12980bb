package dev.stackbench.servlet.system;

import org.springframework.core.Ordered;

/**
 * The servlet app's filters, outermost first: each one's place, and why, in one place.
 * They are plain servlet filters, run on the request's own dispatch (the stack headers on
 * error dispatches too, {@code @FilterRegistration}), not Spring's
 * {@code OncePerRequestFilter}: that one names, sets and removes a request attribute in
 * every filter on every request, which async-profiler showed at about 0.8 µs a filter,
 * and with four of them the servlet app cost 6 to 11% more CPU per request on
 * {@code /api/hello} than a bare Spring Boot app (the comparison's overhead scenario).
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
