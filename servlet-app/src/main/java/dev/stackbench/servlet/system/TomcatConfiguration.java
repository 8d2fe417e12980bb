package dev.stackbench.servlet.system;

import java.time.Duration;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.RequestHead;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http11.AbstractHttp11Protocol;

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
