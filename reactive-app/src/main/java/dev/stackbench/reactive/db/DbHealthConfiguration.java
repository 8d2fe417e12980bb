package dev.stackbench.reactive.db;

import io.r2dbc.spi.ConnectionFactory;

import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.r2dbc.health.ConnectionFactoryHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database's health under the name the servlet app's JDBC indicator has, {@code db}
 * (Boot names the R2DBC one {@code r2dbc}, turned off in stackbench-shared.properties),
 * so that one health check reads both apps.
 */
@Configuration(proxyBeanMethods = false)
class DbHealthConfiguration {

	@Bean
	ReactiveHealthIndicator dbHealthIndicator(ConnectionFactory connectionFactory) {
		return new ConnectionFactoryHealthIndicator(connectionFactory);
	}

}
