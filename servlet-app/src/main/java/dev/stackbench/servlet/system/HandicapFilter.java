package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Handicap;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A comparison's planted difference ({@link Handicap}): present only when
 * {@code stackbench.handicap.cpu-micros} is set.
 */
@Component
@Order(FilterOrder.STACK_HEADERS)
@ConditionalOnProperty(Handicap.PROPERTY)
class HandicapFilter extends HttpFilter {

	private final long cpuMicros;

	HandicapFilter(@Value("${" + Handicap.PROPERTY + "}") long cpuMicros) {
		this.cpuMicros = cpuMicros;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Handicap.spend(this.cpuMicros);
		chain.doFilter(request, response);
	}

}
