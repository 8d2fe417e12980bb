package dev.stackbench.servlet.system;

import java.io.IOException;
import java.util.Optional;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.RequestTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects request targets the reactive app rejects too (see {@link RequestTarget}),
 * judged on the raw URI: by the time a request gets here Tomcat has already normalized
 * {@code /a/../b} into {@code /b} for routing.
 */
@Component
@Order(FilterOrder.REQUEST_TARGET)
class RequestTargetFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
		Optional<Problem> problem = RequestTarget.problem(request.getMethod(), target);
		if (problem.isPresent()) {
			ProblemWriter.write(problem.get(), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

}
