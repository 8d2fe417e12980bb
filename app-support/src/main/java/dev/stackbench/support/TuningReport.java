package dev.stackbench.support;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.RequestBodyDeadline;
import dev.stackbench.workload.Tuning;
import dev.stackbench.workload.cgi.CgiGateway;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;

/**
 * The knobs that decide a run's outcome, read back from the running server once it has
 * started: logged once ({@code stackbench tuning: ...}) and published on
 * {@code /actuator/info}, so every measurement can be traced to the configuration that
 * produced it. Each app reads its own server's knobs; the ones every app has (request
 * body deadline, admission limit, CGI limits, database pool, protocols) are added here.
 */
public abstract class TuningReport implements InfoContributor {

	private static final Log logger = LogFactory.getLog(TuningReport.class);

	private final RequestBodyDeadline bodyDeadline;

	private final Admission admission;

	private final CgiGateway cgi;

	private final StackbenchProperties.Db db;

	private final ServerProtocols protocols;

	private volatile Tuning tuning;

	protected TuningReport(StackbenchProperties properties, ServerProtocols protocols, Admission admission,
			CgiGateway cgi) {
		this.protocols = protocols;
		this.bodyDeadline = properties.requestBodyDeadline();
		this.admission = admission;
		this.cgi = cgi;
		this.db = properties.db();
	}

	/** The stack's own knobs, from the server that serves the app's requests. */
	protected abstract Tuning describe(WebServer server);

	@EventListener
	void onServerStarted(WebServerInitializedEvent event) {
		boolean managementServer = event.getApplicationContext().getServerNamespace() != null;
		if (!managementServer) {
			Tuning server = describe(event.getWebServer());
			// The protocols as configured, then the server's own knobs, which win where
			// both name one: what the running server reports is what serves.
			Map<String, Object> knobs = new LinkedHashMap<>(this.protocols.knobs());
			knobs.putAll(server.knobs());
			knobs.put("request-body-timeout-ms", this.bodyDeadline.timeout().toMillis());
			knobs.put("request-body-min-rate", this.bodyDeadline.minBytesPerSecond());
			knobs.put("admission.max-in-flight", this.admission.maxInFlight());
			knobs.putAll(this.cgi.knobs());
			knobs.put("db.pool-size", this.db.poolSize());
			knobs.put("db.acquire-timeout-ms", this.db.acquireTimeoutMillis());
			this.tuning = new Tuning(server.stack(), server.model(), knobs);
			logger.info(this.tuning.logLine());
		}
	}

	@Override
	public void contribute(Info.Builder builder) {
		Tuning current = this.tuning;
		if (current != null) {
			builder.withDetail("tuning", current);
		}
	}

}
