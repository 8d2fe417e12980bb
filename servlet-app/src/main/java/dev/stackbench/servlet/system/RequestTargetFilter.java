package dev.stackbench.servlet.system;

import java.io.IOException;
import java.util.Enumeration;
import java.util.Optional;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.RequestTarget;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Rejects request targets the reactive app rejects too (see {@link RequestTarget}),
 * judged on the raw URI: by the time a request gets here Tomcat has already normalized
 * {@code /a/../b} into {@code /b} for routing. Also the one malformed head Tomcat's
 * HTTP/2 layer lets through, two Content-Length fields.
 */
@Component
@Order(FilterOrder.REQUEST_TARGET)
class RequestTargetFilter extends HttpFilter {

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String target = (request.getQueryString() != null) ? request.getRequestURI() + "?" + request.getQueryString()
				: request.getRequestURI();
		Optional<Problem> problem = RequestTarget.problem(request.getMethod(), target);
		if (problem.isEmpty() && hasTwoContentLengths(request)) {
			problem = Optional.of(Problem.forStatus(400, request.getMethod(), request.getRequestURI()));
		}
		if (problem.isPresent()) {
			ProblemWriter.write(problem.get(), response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	/**
	 * Tomcat's HTTP/1.1 parser refuses a request with two Content-Length fields; its
	 * HTTP/2 layer hands one to the app unless its own check of the body's length wins
	 * the race, and reading the length then throws (a 500). Answered here as HTTP/1.1
	 * answers it. Only HTTP/2 requests are looked at: the others cannot get here with
	 * two.
	 */
	private static boolean hasTwoContentLengths(HttpServletRequest request) {
		if (!"HTTP/2.0".equals(request.getProtocol())) {
			return false;
		}
		Enumeration<String> lengths = request.getHeaders(HttpHeaders.CONTENT_LENGTH);
		if (lengths == null || !lengths.hasMoreElements()) {
			return false;
		}
		lengths.nextElement();
		return lengths.hasMoreElements();
	}

}
