package dev.stackbench.servlet.downstream;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.stackbench.workload.Downstream;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
class DownstreamConfiguration {

	/**
	 * A blocking RestClient over Reactor Netty's client with an explicit pool, the same client and pool as the
	 * reactive app's: a calling thread waits for its answer, which is the servlet model.
	 */
	@Bean
	RestClient downstreamClient(@Value("${" + Downstream.BASE_URL_PROPERTY + "}") String baseUrl,
			@Value("${" + Downstream.TIMEOUT_PROPERTY + "}") Duration timeout,
			@Value("${" + Downstream.MAX_CONNECTIONS_PROPERTY + "}") int maxConnections) {
		ConnectionProvider pool = ConnectionProvider.builder("downstream")
			.maxConnections(maxConnections)
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(timeout)
			.build();
		HttpClient client = HttpClient.create(pool).responseTimeout(timeout);
		return RestClient.builder().baseUrl(baseUrl).requestFactory(new ReactorClientHttpRequestFactory(client)).build();
	}

	/**
	 * The threads that make the parallel calls, of the kind the request threads are: virtual with virtual threads
	 * on, otherwise a platform pool of {@code stackbench.downstream.threads}, which bounds the calls in flight.
	 */
	@Bean(destroyMethod = "shutdownNow")
	ExecutorService downstreamExecutor(@Value("${spring.threads.virtual.enabled}") boolean virtual,
			@Value("${stackbench.downstream.threads}") int threads) {
		return virtual ? Executors.newVirtualThreadPerTaskExecutor()
				: Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("downstream-", 1).factory());
	}

}
