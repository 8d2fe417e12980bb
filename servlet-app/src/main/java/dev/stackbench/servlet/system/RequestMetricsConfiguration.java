package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.metrics.RequestMetrics;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code http.server.requests} recorded by one outermost filter ({@link RequestMetrics},
 * the same on both apps) rather than by Spring's request observation, which
 * stackbench-shared.properties switches off: it cost several times as much per request.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "stackbench.metrics.enabled", matchIfMissing = true)
class RequestMetricsConfiguration {

	@Bean
	FilterRegistrationBean<RequestMetricsFilter> requestMetricsFilter(RequestMetrics metrics) {
		FilterRegistrationBean<RequestMetricsFilter> registration = new FilterRegistrationBean<>(
				new RequestMetricsFilter(metrics));
		registration.setOrder(FilterOrder.REQUEST_METRICS);
		return registration;
	}

	/**
	 * Times each request from the first filter until the response is complete: at the end
	 * of the request thread's work, or, for an asynchronous request (server-sent events),
	 * when the container completes it.
	 */
	static final class RequestMetricsFilter extends HttpFilter {

		private final RequestMetrics metrics;

		RequestMetricsFilter(RequestMetrics metrics) {
			this.metrics = metrics;
		}

		@Override
		protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			long start = this.metrics.start();
			this.metrics.countProtocol(request.getProtocol());
			try {
				chain.doFilter(request, response);
			}
			catch (IOException | ServletException | RuntimeException ex) {
				// Left to the container, which answers 500 (nothing a client sends gets
				// here: the contract suite).
				stop(start, request, Math.max(response.getStatus(), 500), ex.getClass().getSimpleName());
				throw ex;
			}
			if (request.isAsyncStarted()) {
				request.getAsyncContext().addListener(new AsyncListener() {

					@Override
					public void onComplete(AsyncEvent event) {
						stop(start, request, response.getStatus(), RequestMetrics.NO_EXCEPTION);
					}

					@Override
					public void onTimeout(AsyncEvent event) {
					}

					@Override
					public void onError(AsyncEvent event) {
					}

					@Override
					public void onStartAsync(AsyncEvent event) {
					}

				});
			}
			else {
				stop(start, request, response.getStatus(), RequestMetrics.NO_EXCEPTION);
			}
		}

		private void stop(long start, HttpServletRequest request, int status, String exception) {
			this.metrics.stop(start, request.getMethod(), request.getRequestURI(), status, exception);
		}

	}

}
