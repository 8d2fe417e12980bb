package dev.stackbench.servlet.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the tuning back from the running Tomcat connector, not from configuration, so that what is logged and
 * published on {@code /actuator/info} is what actually serves the requests.
 */
@Component
class TuningReport implements InfoContributor {

	private static final Log logger = LogFactory.getLog(TuningReport.class);

	private final AdmissionFilter admission;

	private final CgiGateway cgi;

	private volatile Tuning tuning;

	TuningReport(AdmissionFilter admission, CgiGateway cgi) {
		this.admission = admission;
		this.cgi = cgi;
	}

	@EventListener
	void onServerStarted(ServletWebServerInitializedEvent event) {
		boolean managementServer = event.getApplicationContext().getServerNamespace() != null;
		if (!managementServer && event.getWebServer() instanceof TomcatWebServer tomcat) {
			this.tuning = describe((AbstractHttp11Protocol<?>) tomcat.getTomcat().getConnector().getProtocolHandler(),
					this.admission.maxInFlight(), this.cgi.knobs());
			logger.info(this.tuning.logLine());
		}
	}

	private static Tuning describe(AbstractHttp11Protocol<?> protocol, int admissionLimit, Map<String, Object> cgi) {
		Executor executor = protocol.getExecutor();
		boolean virtualThreads = executor instanceof VirtualThreadExecutor;
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("port", protocol.getLocalPort());
		knobs.put("virtual-threads", virtualThreads);
		if (executor instanceof ThreadPoolExecutor pool) {
			knobs.put("threads.max", pool.getMaximumPoolSize());
			knobs.put("threads.min-spare", pool.getCorePoolSize());
			knobs.put("threads.max-queue-capacity", protocol.getMaxQueueSize());
		}
		knobs.put("accept-count", protocol.getAcceptCount());
		knobs.put("max-connections", protocol.getMaxConnections());
		knobs.put("connection-timeout-ms", protocol.getConnectionTimeout());
		knobs.put("keep-alive-timeout-ms", protocol.getKeepAliveTimeout());
		knobs.put("max-keep-alive-requests", protocol.getMaxKeepAliveRequests());
		knobs.put("max-request-head-bytes", protocol.getMaxHttpRequestHeaderSize());
		knobs.put("max-header-fields", protocol.getMaxHeaderCount());
		if (protocol instanceof GuardedNioProtocol deadline) {
			knobs.put("request-head-timeout-ms", deadline.getRequestHeadTimeout().toMillis());
		}
		knobs.put("admission.max-in-flight", admissionLimit);
		knobs.putAll(cgi);
		return new Tuning("servlet", model(executor, virtualThreads), knobs);
	}

	private static String model(Executor executor, boolean virtualThreads) {
		if (virtualThreads) {
			return "virtual-threads";
		}
		boolean oneThread = executor instanceof ThreadPoolExecutor pool && pool.getMaximumPoolSize() == 1;
		return oneThread ? "single-thread" : "platform-threads";
	}

	@Override
	public void contribute(Info.Builder builder) {
		Tuning current = this.tuning;
		if (current != null) {
			builder.withDetail("tuning", current);
		}
	}

}
