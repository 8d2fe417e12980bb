package dev.stackbench.reactive.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.support.TuningReport;
import dev.stackbench.workload.Admission;
import dev.stackbench.workload.RequestHead;
import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.autoconfigure.NettyServerProperties;
import org.springframework.boot.web.server.WebServer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reports the knobs the Netty server started with: Reactor Netty cannot be asked for most
 * of them once running, so they are the configuration it was built from (see
 * {@link NettyConfiguration}), and the port it listens on.
 */
@Component
class NettyTuningReport extends TuningReport {

	private final EventLoopProperties eventLoops;

	private final NettyServerProperties netty;

	private final DataSize maxRequestHeadSize;

	private final Duration requestHeadTimeout;

	NettyTuningReport(EventLoopProperties eventLoops, NettyServerProperties netty,
			@Value("${server.max-http-request-header-size}") DataSize maxRequestHeadSize,
			StackbenchProperties properties, Admission admission, CgiGateway cgi) {
		super(properties, admission, cgi);
		this.eventLoops = eventLoops;
		this.netty = netty;
		this.maxRequestHeadSize = maxRequestHeadSize;
		this.requestHeadTimeout = properties.requestHeadTimeout();
	}

	@Override
	protected Tuning describe(WebServer server) {
		int loops = this.eventLoops.effectiveEventLoops();
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("port", server.getPort());
		knobs.put("event-loops", loops);
		knobs.put("accept-loops", NettyConfiguration.ACCEPT_LOOPS);
		knobs.put("accept-backlog", this.eventLoops.acceptBacklog());
		knobs.put("idle-timeout-ms", millisOrUnbounded(this.netty.getIdleTimeout()));
		knobs.put("max-keep-alive-requests",
				(this.netty.getMaxKeepAliveRequests() != null) ? this.netty.getMaxKeepAliveRequests() : -1);
		knobs.put("max-request-head-bytes", this.maxRequestHeadSize.toBytes());
		knobs.put("max-header-fields", RequestHead.MAX_HEADER_FIELDS);
		knobs.put("request-head-timeout-ms", this.requestHeadTimeout.toMillis());
		return new Tuning("reactive", (loops == 1) ? "single-loop" : "reactive", knobs);
	}

	private static long millisOrUnbounded(Duration timeout) {
		return (timeout != null) ? timeout.toMillis() : -1;
	}

}
