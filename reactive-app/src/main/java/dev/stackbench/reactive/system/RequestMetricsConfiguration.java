package dev.stackbench.reactive.system;

import reactor.netty.http.server.HttpServerRequest;

import dev.stackbench.workload.metrics.RequestMetrics;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * {@code http.server.requests} recorded around the whole HTTP handler
 * ({@link RequestMetrics}, the same on both apps) rather than by Spring's request
 * observation, which stackbench-shared.properties switches off: it cost several times as
 * much per request. Around the handler, not in a web filter, so that the status is final:
 * errors have been turned into answers by then.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "stackbench.metrics.enabled", matchIfMissing = true)
class RequestMetricsConfiguration {

	/**
	 * Requests to the management server are not the app's traffic: WebFlux decorates its
	 * handler too (the servlet app's management server has no filters of the app), and a
	 * scrape counted as a request in flight would keep the comparison's wait for an idle
	 * app waiting.
	 */
	@Bean
	HttpHandlerDecoratorFactory requestMetricsRecording(RequestMetrics metrics) {
		return (handler) -> (request, response) -> {
			if (ManagementRequests.isManagement(request)) {
				return handler.handle(request, response);
			}
			long start = metrics.start();
			metrics.countProtocol(ServerHttpRequestDecorator.<HttpServerRequest>getNativeRequest(request).protocol());
			return handler.handle(request, response).doFinally((signal) -> {
				HttpStatusCode status = response.getStatusCode();
				metrics.stop(start, request.getMethod().name(), request.getPath().value(),
						(status != null) ? status.value() : 200, RequestMetrics.NO_EXCEPTION);
			});
		};
	}

}
