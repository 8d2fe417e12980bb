package dev.stackbench.reactive.system;

import dev.stackbench.workload.Api;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Marks every response with the stack and the event loop that took the request and ran
 * its handler. (A timer or other scheduler may emit the answer later; the loop is what
 * the concurrency model is about.)
 */
@Component
@Order(FilterOrder.STACK_HEADERS)
class StackHeadersFilter implements WebFilter {

	static final String STACK = "reactive";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		HttpHeaders headers = exchange.getResponse().getHeaders();
		headers.set(Api.STACK_HEADER, STACK);
		headers.set(Api.THREAD_HEADER, Thread.currentThread().getName());
		return chain.filter(exchange);
	}

}
