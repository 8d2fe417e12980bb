package dev.stackbench.reactive.downstream;

import java.time.Duration;

import dev.stackbench.workload.Downstream;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

	/** WebClient over Reactor Netty's client with an explicit pool, the same client and pool as the servlet app's. */
	@Bean
	WebClient downstreamClient(@Value("${" + Downstream.BASE_URL_PROPERTY + "}") String baseUrl,
			@Value("${" + Downstream.TIMEOUT_PROPERTY + "}") Duration timeout,
			@Value("${" + Downstream.MAX_CONNECTIONS_PROPERTY + "}") int maxConnections) {
		ConnectionProvider pool = ConnectionProvider.builder("downstream")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(timeout)
			.build();
		HttpClient client = HttpClient.create(pool).responseTimeout(timeout);
		return WebClient.builder().baseUrl(baseUrl).clientConnector(new ReactorClientHttpConnector(client)).build();
	}

}
