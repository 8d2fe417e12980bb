package dev.stackbench.servlet.system;

import java.time.Duration;
import java.util.Arrays;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.RequestHead;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http2.Http2Protocol;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	/**
	 * Protocol customizer beans are not collected for a factory the application defines
	 * itself, so the factory gets its request-head limits here.
	 */
	@Bean
	ProblemPageTomcatFactory tomcatServletWebServerFactory(StackbenchProperties properties) {
		Duration timeout = properties.requestHeadTimeout();
		ProblemPageTomcatFactory factory = new ProblemPageTomcatFactory();
		factory.addConnectorCustomizers((connector) -> Arrays.stream(connector.findUpgradeProtocols())
			.filter(Http2Protocol.class::isInstance)
			.forEach((http2) -> limit((Http2Protocol) http2, properties.http2())));
		factory.addProtocolHandlerCustomizers((protocol) -> {
			if (protocol instanceof GuardedNioProtocol deadline) {
				deadline.setRequestHeadTimeout(timeout);
			}
			if (protocol instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxHeaderCount(RequestHead.MAX_HEADER_FIELDS);
			}
		});
		return factory;
	}

	/**
	 * HTTP/2's limits as on the reactive app ({@link StackbenchProperties.Http2}); its
	 * header list is limited by the HTTP/1.1 connector's head size, which Tomcat's HTTP/2
	 * reads from there.
	 */
	private static void limit(Http2Protocol http2, StackbenchProperties.Http2 limits) {
		http2.setMaxConcurrentStreams(limits.maxConcurrentStreams());
		http2.setMaxConcurrentStreamExecution(limits.maxConcurrentStreams());
		http2.setInitialWindowSize(limits.initialWindowSize());
		http2.setKeepAliveTimeout(limits.idleTimeout().toMillis());
		http2.setMaxHeaderCount(RequestHead.MAX_HEADER_FIELDS);
	}

	/**
	 * Boot's factory, except that its protocol puts a deadline on reading request heads
	 * (see {@link GuardedNioProtocol}) and that the host's error report valve is
	 * {@link ProblemErrorReportValve}. The host creates that valve from a class name when
	 * it starts, so the name has to be set before, which no customizer can do. Public
	 * with a no-argument constructor because the management server's child context
	 * instantiates the same factory class.
	 */
	public static class ProblemPageTomcatFactory extends TomcatServletWebServerFactory {

		public ProblemPageTomcatFactory() {
			setProtocol(GuardedNioProtocol.class.getName());
		}

		@Override
		protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
			((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			return super.getTomcatWebServer(tomcat);
		}

	}

}
