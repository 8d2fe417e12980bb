package dev.stackbench.reactive.system;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No observation of each request by WebFlux's handler: {@code http.server.requests} is
 * recorded by {@link RequestMetricsConfiguration} and Spring's observation of requests is
 * off (stackbench-shared.properties), yet the handler still asked the registry for one on
 * every request, only to find it off; with a no-op registry it does not ask. The servlet
 * app's equivalent is its observation filter, excluded there.
 */
@Configuration(proxyBeanMethods = false)
class RequestObservationConfiguration {

	@Bean
	WebHttpHandlerBuilderCustomizer noRequestObservations() {
		return (builder) -> builder.observationRegistry(ObservationRegistry.NOOP);
	}

}
