package dev.stackbench.reactive.system;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.Problem;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
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
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
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
			return refuse(exchange.getResponse(), this.admission.overloaded());
		}
		return chain.filter(exchange).doFinally((signal) -> this.admission.leave());
	}

	private static Mono<Void> refuse(ServerHttpResponse response, Problem problem) {
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		response.getHeaders().set(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		response.getHeaders().setContentType(ProblemResponses.PROBLEM_JSON);
		byte[] json = problem.toJson();
		response.getHeaders().setContentLength(json.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
	}

}
