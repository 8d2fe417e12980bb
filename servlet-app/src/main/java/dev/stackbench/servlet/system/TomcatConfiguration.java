package dev.stackbench.servlet.system;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TomcatConfiguration {

	@Bean
	ProblemPageTomcatFactory tomcatServletWebServerFactory() {
		return new ProblemPageTomcatFactory();
	}

	/**
	 * Boot's factory, except that the host's error report valve is {@link ProblemErrorReportValve}. The host creates
	 * that valve from a class name when it starts, so the name has to be set before, which no customizer can do.
	 * Public with a no-argument constructor because the management server's child context instantiates the same
	 * factory class.
	 */
	public static class ProblemPageTomcatFactory extends TomcatServletWebServerFactory {

		@Override
		protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
			((StandardHost) tomcat.getHost()).setErrorReportValveClass(ProblemErrorReportValve.class.getName());
			return super.getTomcatWebServer(tomcat);
		}

	}

}
