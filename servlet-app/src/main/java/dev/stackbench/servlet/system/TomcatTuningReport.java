package dev.stackbench.servlet.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import dev.stackbench.support.ServerProtocols;
import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.support.TuningReport;
import dev.stackbench.workload.Admission;
import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.apache.tomcat.util.threads.VirtualThreadExecutor;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.stereotype.Component;

/**
 * Reads the tuning back from the running Tomcat connector, not from configuration, so
 * that what is logged and published on {@code /actuator/info} is what actually serves the
 * requests.
 */
@Component
class TomcatTuningReport extends TuningReport {

	TomcatTuningReport(StackbenchProperties properties, ServerProtocols protocols, Admission admission,
			CgiGateway cgi) {
		super(properties, protocols, admission, cgi);
	}

	@Override
	protected Tuning describe(WebServer server) {
		Connector connector = ((TomcatWebServer) server).getTomcat().getConnector();
		AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();
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
		if (protocol.isSSLEnabled()) {
			// JSSE unless an OpenSSL implementation were configured, which none is.
			knobs.put("tls.implementation",
					Objects.requireNonNullElse(protocol.getSslImplementationName(), ServerProtocols.JSSE));
		}
		for (UpgradeProtocol upgrade : connector.findUpgradeProtocols()) {
			if (upgrade instanceof Http2Protocol http2) {
				knobs.put("http2.max-concurrent-streams", http2.getMaxConcurrentStreams());
				knobs.put("http2.initial-window-size", http2.getInitialWindowSize());
				knobs.put("http2.idle-timeout-ms", http2.getKeepAliveTimeout());
				knobs.put("http2.max-concurrent-stream-execution", http2.getMaxConcurrentStreamExecution());
				knobs.put("http2.max-header-bytes", http2.getMaxHeaderSize());
			}
		}
		return new Tuning("servlet", model(executor, virtualThreads), knobs);
	}

	private static String model(Executor executor, boolean virtualThreads) {
		if (virtualThreads) {
			return "virtual";
		}
		boolean oneThread = executor instanceof ThreadPoolExecutor pool && pool.getMaximumPoolSize() == 1;
		return oneThread ? "single-thread" : "platform";
	}

}
