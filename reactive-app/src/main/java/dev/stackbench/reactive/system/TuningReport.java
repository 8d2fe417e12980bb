package dev.stackbench.reactive.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.RequestHead;
import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.reactive.context.ReactiveWebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reports the knobs the Netty server started with: logged once and published on {@code /actuator/info}, so every
 * measurement can be traced to the configuration that produced it.
 */
@Component
class TuningReport implements InfoContributor {

	private static final Log logger = LogFactory.getLog(TuningReport.class);

	private final EventLoopProperties eventLoops;

	private final NettyServerProperties netty;

	private final AdmissionFilter admission;

	private volatile Tuning tuning;

	private final DataSize maxRequestHeadSize;

	private final Duration requestHeadTimeout;

	private final CgiGateway cgi;

	TuningReport(EventLoopProperties eventLoops, NettyServerProperties netty, AdmissionFilter admission,
			@Value("${server.max-http-request-header-size}") DataSize maxRequestHeadSize,
			StackbenchProperties properties, CgiGateway cgi) {
		this.eventLoops = eventLoops;
		this.netty = netty;
		this.admission = admission;
		this.maxRequestHeadSize = maxRequestHeadSize;
		this.requestHeadTimeout = properties.requestHeadTimeout();
		this.cgi = cgi;
	}

	@EventListener
	void onServerStarted(ReactiveWebServerInitializedEvent event) {
		boolean managementServer = event.getApplicationContext().getServerNamespace() != null;
		if (!managementServer) {
			this.tuning = describe(event.getWebServer().getPort());
			logger.info(this.tuning.logLine());
		}
	}

	private Tuning describe(int port) {
		int loops = this.eventLoops.effectiveEventLoops();
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("port", port);
		knobs.put("event-loops", loops);
		knobs.put("accept-loops", NettyConfiguration.ACCEPT_LOOPS);
		knobs.put("accept-backlog", this.eventLoops.acceptBacklog());
		knobs.put("idle-timeout-ms", millisOrUnbounded(this.netty.getIdleTimeout()));
		knobs.put("max-keep-alive-requests",
				(this.netty.getMaxKeepAliveRequests() != null) ? this.netty.getMaxKeepAliveRequests() : -1);
		knobs.put("max-request-head-bytes", this.maxRequestHeadSize.toBytes());
		knobs.put("max-header-fields", RequestHead.MAX_HEADER_FIELDS);
		knobs.put("request-head-timeout-ms", this.requestHeadTimeout.toMillis());
		knobs.put("admission.max-in-flight", this.admission.maxInFlight());
		knobs.putAll(this.cgi.knobs());
		return new Tuning("reactive", (loops == 1) ? "single-event-loop" : "event-loops", knobs);
	}

	private static long millisOrUnbounded(Duration timeout) {
		return (timeout != null) ? timeout.toMillis() : -1;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Tuning current = this.tuning;
		if (current != null) {
			builder.withDetail("tuning", current);
		}
	}

}
