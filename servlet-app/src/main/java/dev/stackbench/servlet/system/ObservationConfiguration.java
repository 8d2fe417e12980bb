package dev.stackbench.servlet.system;

import io.micrometer.common.KeyValues;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

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

}
