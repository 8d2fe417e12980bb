package dev.stackbench.reactive.system;

import dev.stackbench.workload.Admission;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The optional admission limit ({@link Admission}): past
 * {@code stackbench.admission.max-in-flight} requests in flight, answers 503 at once. A
 * request leaves when its response completes, errors or is cancelled.
 */
@Component
// Only with a limit set: off (0, the default), a filter that admits everything would
// still be a hop of the chain on every request, a cost the bare Spring Boot app the
// comparison measures the apps against does not have.
@ConditionalOnExpression("${" + Admission.MAX_IN_FLIGHT_PROPERTY + ":0} > 0")
@Order(FilterOrder.ADMISSION)
class AdmissionFilter implements WebFilter {

	private final Admission admission;

	AdmissionFilter(Admission admission) {
		this.admission = admission;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (ManagementRequests.isManagement(exchange.getRequest())) {
			// Health checks and scrapes must answer however full the app is.
			return chain.filter(exchange);
		}
		if (!this.admission.tryEnter()) {
			return ProblemWriter.write(this.admission.overloaded(), exchange.getResponse());
		}
		return chain.filter(exchange).doFinally((signal) -> this.admission.leave());
	}

}
