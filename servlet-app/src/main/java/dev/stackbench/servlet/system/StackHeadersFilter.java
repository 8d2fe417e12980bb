package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Api;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Marks every response with the stack and the request thread. Servlet requests run start
 * to finish on one thread, so the thread that enters the filter is the one that produces
 * the response.
 */
@Component
@Order(FilterOrder.STACK_HEADERS)
class StackHeadersFilter extends OncePerRequestFilter {

	static final String STACK = "servlet";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(Api.STACK_HEADER, STACK);
		response.setHeader(Api.THREAD_HEADER, Thread.currentThread().getName());
		chain.doFilter(request, response);
	}

	/**
	 * Also on error dispatches: Tomcat refuses some requests (TRACE, for one) before any
	 * filter has run.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
