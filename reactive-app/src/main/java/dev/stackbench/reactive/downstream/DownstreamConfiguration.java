package dev.stackbench.reactive.downstream;

import dev.stackbench.support.StackbenchProperties;
import reactor.netty.http.client.HttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

	/** WebClient over the shared Reactor Netty client and pool, the servlet app's too. */
	@Bean
	WebClient downstreamClient(HttpClient downstreamHttpClient, StackbenchProperties properties) {
		return WebClient.builder()
			.baseUrl(properties.downstream().baseUrl().toString())
			.clientConnector(new ReactorClientHttpConnector(downstreamHttpClient))
			.build();
	}

}
