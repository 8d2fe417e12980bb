package dev.stackbench.support;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import dev.stackbench.workload.RequestBodyDeadline;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code stackbench.*} setting both apps share, with its default, bound once and
 * checked at start-up: a value out of bounds stops the app with a message naming the
 * property. Each has an environment-variable form ({@code STACKBENCH_CGI_MAX_PROCESSES},
 * ...); docs/tuning.md explains the values, and the start-up tuning line and
 * {@code /actuator/info} show the running ones.
 *
 * @param requestHeadTimeout the request head (request line and header fields) must have
 * fully arrived within this time of its first byte, or the connection is closed: without
 * a deadline on the whole head, a client trickling one byte every few seconds (slowloris)
 * holds its connection for ever
 * @param requestBodyTimeout once its head has arrived, a request body may take this long,
 * plus a second for every {@code requestBodyMinRate} bytes that have arrived (see
 * {@code RequestBodyDeadline}); past it the connection is closed, after a 408 where an
 * answer can still be sent
 * @param requestBodyMinRate bytes per second a body must arrive at after its grace period
 * @param admission the admission limit
 * @param cgi the CGI gateway of {@code /api/cgi/<script>}
 * @param downstream the downstream service {@code /api/downstream} calls
 * @param metrics the request metrics
 * @param db the database of {@code /api/db/*}
 * @param http2 the HTTP/2 limits of the {@code h2} and {@code h2c} profiles
 */
@ConfigurationProperties("stackbench")
@Validated
public record StackbenchProperties(@NotNull @DefaultValue("20s") Duration requestHeadTimeout,
		@NotNull @DurationMin(millis = 1) @DefaultValue("20s") Duration requestBodyTimeout,
		@Positive @DefaultValue("500") long requestBodyMinRate, @Valid @DefaultValue Admission admission,
		@Valid @DefaultValue Cgi cgi, @Valid @DefaultValue Downstream downstream, @Valid @DefaultValue Metrics metrics,
		@Valid @DefaultValue Db db, @Valid @DefaultValue Http2 http2) {

	public RequestBodyDeadline requestBodyDeadline() {
		return new RequestBodyDeadline(this.requestBodyTimeout, this.requestBodyMinRate);
	}

	/**
	 * Past {@code maxInFlight} requests in flight, answer 503 with {@code Retry-After} at
	 * once instead of queueing.
	 *
	 * @param maxInFlight the limit; 0 (off, the default) so that the comparison shows
	 * each model's raw behaviour
	 */
	public record Admission(@PositiveOrZero @DefaultValue("0") int maxInFlight) {
	}

	/**
	 * CGI programs (RFC 3875): only executable files directly inside {@code directory}
	 * run, each within its limits.
	 *
	 * @param directory where the programs are; relative to the working directory, the
	 * project root when started with ./mvnw or java -jar from there
	 * @param timeout how long a program may run, then it is killed with its children
	 * (504)
	 * @param maxOutput how much a program may write, headers and body (past it, 502)
	 * @param maxProcesses how many programs may run at once (past it, 503 with
	 * Retry-After)
	 * @param startThreads the gateway's own platform threads that start programs (fork
	 * and exec block and are CPU work, never done on an event loop or a virtual thread);
	 * unset means one per core
	 */
	public record Cgi(@NotNull @DefaultValue("cgi-bin") Path directory, @NotNull @DefaultValue("35s") Duration timeout,
			@NotNull @DefaultValue("1MB") DataSize maxOutput, @Positive @DefaultValue("256") int maxProcesses,
			@Nullable @Positive Integer startThreads) {
	}

	/**
	 * Calls to a downstream service's slow page, by default a separate instance on port
	 * 8090 (for example the reactive app:
	 * {@code java -jar reactive-app/target/reactive-app-*.jar --server.port=8090
	 * --management.server.port=9090}). The client pool is sized explicitly, the same on
	 * both apps.
	 *
	 * @param baseUrl the downstream service
	 * @param timeout a call that takes longer is a 504 (one that fails, a 502)
	 * @param maxConnections the client pool's connections
	 * @param threads the servlet app's platform threads that make the calls, each waiting
	 * for its answer; with virtual threads on, a virtual thread per call instead, and the
	 * reactive app needs none
	 */
	public record Downstream(@NotNull @DefaultValue("http://127.0.0.1:8090") URI baseUrl,
			@NotNull @DefaultValue("5s") Duration timeout, @Positive @DefaultValue("1000") int maxConnections,
			@Positive @DefaultValue("200") int threads) {
	}

	/**
	 * @param enabled whether requests are timed into {@code http.server.requests}; the
	 * {@code metrics-off} profile turns it off, with every other meter, to measure what
	 * instrumentation costs
	 */
	public record Metrics(@DefaultValue("true") boolean enabled) {
	}

	/**
	 * The PostgreSQL of {@code /api/db/*} and each app's pool of connections to it. The
	 * defaults are repeated in stackbench-shared.properties, because each app's driver
	 * and pool settings are placeholders built from these properties.
	 *
	 * @param host the database server
	 * @param port its port
	 * @param name the database
	 * @param username who connects
	 * @param password their password
	 * @param poolSize connections in the pool, a fixed number on both apps (HikariCP and
	 * r2dbc-pool)
	 * @param acquireTimeoutMillis how long a request waits for a free connection before
	 * it is answered 503 overloaded
	 */
	public record Db(@NotBlank @DefaultValue("127.0.0.1") String host, @Positive @DefaultValue("5432") int port,
			@NotBlank @DefaultValue("stackbench") String name, @NotBlank @DefaultValue("stackbench") String username,
			@NotNull @DefaultValue("stackbench") String password, @Positive @DefaultValue("10") int poolSize,
			@Positive @DefaultValue("5000") long acquireTimeoutMillis) {

		public Duration acquireTimeout() {
			return Duration.ofMillis(this.acquireTimeoutMillis);
		}

	}

	/**
	 * HTTP/2's own limits, set explicitly and equally on Tomcat's {@code Http2Protocol}
	 * and Reactor Netty's HTTP/2 settings when the {@code h2} or {@code h2c} profile is
	 * on. The header list is limited as HTTP/1.1's head is, by
	 * {@code server.max-http-request-header-size} and 100 fields (HPACK counts 32 bytes
	 * more per field than HTTP/1.1's text).
	 *
	 * @param maxConcurrentStreams streams one connection may have open at once (the
	 * SETTINGS_MAX_CONCURRENT_STREAMS the server announces; 100 is Tomcat's default and
	 * the RFC's advised least). Tomcat runs at most this many of them at once as well
	 * (its {@code maxConcurrentStreamExecution}, 20 by default, would otherwise queue the
	 * rest of a connection's streams where Reactor Netty does not)
	 * @param initialWindowSize bytes a peer may send on a stream before the receiver's
	 * window update (the RFC's 65,535 by default, both servers' too)
	 * @param idleTimeout an HTTP/2 connection with no open stream is closed after this;
	 * Reactor Netty has one idle timeout for both protocols, so under these profiles the
	 * reactive app's server takes this one in place of {@code server.netty.idle-timeout}
	 */
	public record Http2(@Positive @DefaultValue("100") int maxConcurrentStreams,
			@Positive @DefaultValue("65535") int initialWindowSize,
			@NotNull @DurationMin(millis = 1) @DefaultValue("60s") Duration idleTimeout) {
	}

}
