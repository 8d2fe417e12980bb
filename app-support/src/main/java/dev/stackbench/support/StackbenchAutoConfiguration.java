package dev.stackbench.support;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.cgi.CgiGateway;
import dev.stackbench.workload.metrics.RequestMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The beans both apps share and neither web stack owns, from
 * {@link StackbenchProperties}. Each app adds only what is its stack's own: the
 * downstream client's blocking or reactive face, its filters, its server's tuning.
 */
@AutoConfiguration
@EnableConfigurationProperties(StackbenchProperties.class)
public class StackbenchAutoConfiguration {

	@Bean
	CgiGateway cgiGateway(StackbenchProperties properties) {
		StackbenchProperties.Cgi cgi = properties.cgi();
		return new CgiGateway(cgi.directory(), cgi.timeout(), cgi.maxOutput().toBytes(), cgi.maxProcesses(),
				cgi.startThreads());
	}

	@Bean
	ServerProtocols serverProtocols(Environment environment, ObjectProvider<SslBundles> bundles,
			StackbenchProperties properties) {
		String bundle = environment.getProperty("server.ssl.bundle");
		SslBundle tls = (bundle != null && !bundle.isBlank()) ? bundles.getObject().getBundle(bundle) : null;
		String certificate = environment.getProperty("stackbench.tls.certificate", "given (stackbench.tls.keystore)");
		return new ServerProtocols(tls, certificate,
				environment.getProperty("server.http2.enabled", Boolean.class, false), properties.http2());
	}

	@Bean
	Admission admission(StackbenchProperties properties) {
		return Admission.of(properties.admission().maxInFlight());
	}

	/**
	 * The downstream calls' connections: at most {@code max-connections}, a call waiting
	 * for one until its timeout.
	 */
	@Bean(destroyMethod = "dispose")
	ConnectionProvider downstreamConnections(StackbenchProperties properties) {
		return ConnectionProvider.builder("downstream")
			.maxConnections(properties.downstream().maxConnections())
			.pendingAcquireMaxCount(-1)
			.pendingAcquireTimeout(properties.downstream().timeout())
			.build();
	}

	/**
	 * Reactor Netty's client, under the servlet app's RestClient and the reactive app's
	 * WebClient alike.
	 */
	@Bean
	HttpClient downstreamHttpClient(ConnectionProvider downstreamConnections, StackbenchProperties properties) {
		return HttpClient.create(downstreamConnections).responseTimeout(properties.downstream().timeout());
	}

	/**
	 * {@code http.server.requests}, recorded by each app at its outermost point
	 * ({@link RequestMetrics}) rather than by Spring's request observation, which
	 * stackbench-shared.properties switches off: it cost several times as much per
	 * request.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "stackbench.metrics.enabled", matchIfMissing = true)
	static class RequestMetricsConfiguration {

		@Bean
		RequestMetrics requestMetrics(MeterRegistry registry) {
			return new RequestMetrics(registry);
		}

	}

}
