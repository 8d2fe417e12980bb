package dev.stackbench.reactive.system;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.ObservationPredicate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.reactive.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;

@Configuration(proxyBeanMethods = false)
class ObservationConfiguration {

	/**
	 * Spring's convention, less the high-cardinality values (the full request URL) that only a tracer reads: no
	 * tracer is installed, and building them on every request costs measurable throughput on cheap endpoints.
	 */
	@Bean
	DefaultServerRequestObservationConvention metricsOnlyServerRequestObservationConvention() {
		return new DefaultServerRequestObservationConvention() {

			@Override
			public KeyValues getHighCardinalityKeyValues(ServerRequestObservationContext context) {
				return KeyValues.empty();
			}

		};
	}

	/**
	 * Requests to the management server are not the app's traffic. WebFlux observes them (the servlet app's
	 * management server does not), so every scrape counted as a request and, while it ran, as a request in flight:
	 * the dashboards' request rates and the comparison's wait for an idle app saw a request that never ends.
	 */
	@Bean
	ObservationPredicate ignoreManagementRequests() {
		return (name, context) -> !(context instanceof ServerRequestObservationContext request
				&& ManagementRequests.isManagement(request.getCarrier()));
	}

}
