package dev.stackbench.servlet.downstream;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.stackbench.support.StackbenchProperties;
import reactor.netty.http.client.HttpClient;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

	/**
	 * A blocking RestClient over the shared Reactor Netty client and pool, the reactive
	 * app's too: a calling thread waits for its answer, which is the servlet model.
	 */
	@Bean
	RestClient downstreamClient(HttpClient downstreamHttpClient, StackbenchProperties properties) {
		return RestClient.builder()
			.baseUrl(properties.downstream().baseUrl().toString())
			.requestFactory(new ReactorClientHttpRequestFactory(downstreamHttpClient))
			.build();
	}

	/**
	 * The threads that make the parallel calls, of the kind the request threads are:
	 * virtual with virtual threads on, otherwise a platform pool of
	 * {@code stackbench.downstream.threads}, which bounds the calls in flight.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService downstreamExecutor(@Value("${spring.threads.virtual.enabled}") boolean virtual,
			StackbenchProperties properties) {
		return virtual ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(
				properties.downstream().threads(), Thread.ofPlatform().name("downstream-", 1).factory());
	}

}
