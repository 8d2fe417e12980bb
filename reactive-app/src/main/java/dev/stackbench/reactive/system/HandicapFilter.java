package dev.stackbench.reactive.system;

import dev.stackbench.workload.Handicap;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A comparison's planted difference ({@link Handicap}): present only when
 * {@code stackbench.handicap.cpu-micros} is set.
 */
@Component
@Order(FilterOrder.HANDICAP)
@ConditionalOnProperty(Handicap.PROPERTY)
class HandicapFilter implements WebFilter {

	private final long cpuMicros;

	HandicapFilter(@Value("${" + Handicap.PROPERTY + "}") long cpuMicros) {
		this.cpuMicros = cpuMicros;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		Handicap.spend(this.cpuMicros);
		return chain.filter(exchange);
	}

}
