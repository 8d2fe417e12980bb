package dev.stackbench.reactive.system;

import org.springframework.core.Ordered;

/**
 * The reactive app's web filters, outermost first, in one place. Requests are timed
 * around the whole HTTP handler and bad request targets refused before WebFlux (see
 * {@link RequestMetricsConfiguration} and {@link RequestTargetRoute}), so neither is a
 * filter.
 */
final class FilterOrder {

	/**
	 * {@code X-Stack} and {@code X-Thread} on every answer, the admission limit's
	 * refusals included.
	 */
	static final int STACK_HEADERS = Ordered.HIGHEST_PRECEDENCE;

	/** The admission limit. */
	static final int ADMISSION = STACK_HEADERS + 1;

	private FilterOrder() {
	}

}
