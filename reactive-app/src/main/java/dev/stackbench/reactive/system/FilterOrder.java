package dev.stackbench.reactive.system;

import org.springframework.core.Ordered;

/**
 * The reactive app's web filters, outermost first, in one place; both are off unless
 * asked for. Requests are timed and marked with the stack's headers around the whole HTTP
 * handler, and bad request targets refused before WebFlux (see
 * {@link RequestMetricsConfiguration}, {@link StackHeaders} and
 * {@link RequestTargetRoute}), so none of those is a filter.
 */
final class FilterOrder {

	/** A comparison's planted difference, first so that it is spent on every request. */
	static final int HANDICAP = Ordered.HIGHEST_PRECEDENCE;

	/** The admission limit. */
	static final int ADMISSION = HANDICAP + 1;

	private FilterOrder() {
	}

}
