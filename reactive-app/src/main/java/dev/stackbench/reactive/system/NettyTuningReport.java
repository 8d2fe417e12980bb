package dev.stackbench.reactive.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackbench.support.ServerProtocols;
import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.support.TuningReport;
import dev.stackbench.workload.Admission;
import dev.stackbench.workload.RequestHead;
import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;

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

	private final ServerProtocols protocols;

	NettyTuningReport(EventLoopProperties eventLoops, NettyServerProperties netty,
			@Value("${server.max-http-request-header-size}") DataSize maxRequestHeadSize,
			StackbenchProperties properties, ServerProtocols protocols, Admission admission, CgiGateway cgi) {
		super(properties, protocols, admission, cgi);
		this.protocols = protocols;
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
		// Under h2 and h2c, HTTP/2's idle timeout is the server's (NettyConfiguration).
		knobs.put("idle-timeout-ms", this.protocols.http2() ? this.protocols.http2Limits().idleTimeout().toMillis()
				: millisOrUnbounded(this.netty.getIdleTimeout()));
		knobs.put("max-keep-alive-requests",
				(this.netty.getMaxKeepAliveRequests() != null) ? this.netty.getMaxKeepAliveRequests() : -1);
		knobs.put("max-request-head-bytes", this.maxRequestHeadSize.toBytes());
		knobs.put("max-header-fields", RequestHead.MAX_HEADER_FIELDS);
		knobs.put("request-head-timeout-ms", this.requestHeadTimeout.toMillis());
		if (this.protocols.tls() != null) {
			knobs.put("tls.implementation", (SslContext.defaultServerProvider() == SslProvider.JDK)
					? ServerProtocols.JSSE : SslContext.defaultServerProvider().name());
		}
		if (this.protocols.http2()) {
			knobs.put("http2.max-header-bytes", this.maxRequestHeadSize.toBytes());
		}
		return new Tuning("reactive", (loops == 1) ? "single-loop" : "reactive", knobs);
	}

	private static long millisOrUnbounded(Duration timeout) {
		return (timeout != null) ? timeout.toMillis() : -1;
	}

}
