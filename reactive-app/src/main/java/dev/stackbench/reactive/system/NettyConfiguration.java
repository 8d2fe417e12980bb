package dev.stackbench.reactive.system;

import dev.stackbench.support.ServerProtocols;
import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Api;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class NettyConfiguration {

	static final int ACCEPT_LOOPS = 1;

	/**
	 * The server's own event loops, sized by {@code stackbench.reactive.event-loops} and
	 * released on shutdown, plus one loop that only accepts connections, as Tomcat's
	 * Acceptor thread does. Without it, accepting waits on loops busy serving requests,
	 * and a burst of new connections overflows the listen queue (counted by the kernel as
	 * ListenOverflows) while Tomcat's queue does not.
	 */
	@Bean
	ReactorResourceFactory reactorResourceFactory(EventLoopProperties properties) {
		ReactorResourceFactory factory = new ReactorResourceFactory();
		factory.setUseGlobalResources(false);
		factory.setLoopResourcesSupplier(
				() -> LoopResources.create("reactor-http", ACCEPT_LOOPS, properties.effectiveEventLoops(), true));
		return factory;
	}

	@Bean
	NettyServerCustomizer acceptBacklog(EventLoopProperties properties) {
		return (server) -> server.option(ChannelOption.SO_BACKLOG, properties.acceptBacklog());
	}

	/**
	 * HTTP/2's limits as on the servlet app ({@link StackbenchProperties.Http2}) when the
	 * {@code h2} or {@code h2c} profile offers it; the header list is limited as a
	 * request head is. Reactor Netty has one idle timeout for HTTP/1.1 and HTTP/2
	 * connections, so under these profiles it is HTTP/2's.
	 */
	@Bean
	NettyServerCustomizer http2Limits(ServerProtocols protocols,
			@Value("${server.max-http-request-header-size}") DataSize maxHeadSize) {
		StackbenchProperties.Http2 limits = protocols.http2Limits();
		return (server) -> !protocols.http2() ? server
				: server.idleTimeout(limits.idleTimeout())
					.http2Settings((settings) -> settings.maxConcurrentStreams(limits.maxConcurrentStreams())
						.initialWindowSize(limits.initialWindowSize())
						.maxHeaderListSize(maxHeadSize.toBytes()));
	}

	/**
	 * Size and time limits on each request head, and a time limit on each body, the same
	 * as the servlet app's (see {@link RequestReadGuard}).
	 */
	@Bean
	NettyServerCustomizer requestReadGuard(@Value("${server.max-http-request-header-size}") DataSize maxHeadSize,
			StackbenchProperties properties) {
		return (server) -> server
			.doOnChannelInit(
					(observer, channel,
							remoteAddress) -> new RequestReadGuard(maxHeadSize.toBytes(),
									properties.requestHeadTimeout(), properties.requestBodyDeadline())
								.install(channel.pipeline()));
	}

	/**
	 * Reactor Netty's connection and data metrics ({@code reactor_netty_http_server_*}),
	 * which Boot leaves off, kept by a recorder light enough not to cost the app its
	 * throughput (see {@link ServerMetricsRecorder}) and fed on HTTP/1.1 connections by a
	 * handler of ours, which costs a fraction of Reactor Netty's (see
	 * {@link Http11MetricsHandler}). When HTTP/2 is offered, Reactor Netty's handlers
	 * feed it instead, on every connection: they reach each stream's own pipeline, and
	 * one feeder per connection keeps an upgraded h2c connection from being counted
	 * twice. The uri tag folds unknown paths into one value so a scan of random URLs
	 * cannot grow the registry.
	 */
	@Bean
	@ConditionalOnBooleanProperty(name = "stackbench.metrics.enabled", matchIfMissing = true)
	NettyServerCustomizer serverMetrics(MeterRegistry registry, ServerProtocols protocols) {
		ServerMetricsRecorder recorder = new ServerMetricsRecorder(registry);
		if (protocols.http2()) {
			return (server) -> server.metrics(true, () -> recorder, Api::pathTag)
				.doOnChannelInit((observer, channel, remoteAddress) -> recorder.countConnection(channel));
		}
		return (server) -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
			recorder.countConnection(channel);
			recorder.countEventLoopPendingTasks(channel.eventLoop());
			Http11MetricsHandler.install(channel.pipeline(), recorder);
		});
	}

}
