package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Api;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.web.servlet.FilterRegistration;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Marks every response with the stack and the request thread. Servlet requests run start
 * to finish on one thread, so the thread that enters the filter is the one that produces
 * the response.
 */
@Component
@Order(FilterOrder.STACK_HEADERS)
// Also on error dispatches: Tomcat refuses some requests (TRACE, for one) before any
// filter has run.
@FilterRegistration(order = FilterOrder.STACK_HEADERS,
		dispatcherTypes = { DispatcherType.REQUEST, DispatcherType.ERROR })
class StackHeadersFilter extends HttpFilter {

	static final String STACK = "servlet";

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(Api.STACK_HEADER, STACK);
		response.setHeader(Api.THREAD_HEADER, Thread.currentThread().getName());
		chain.doFilter(request, response);
	}

}
