package dev.stackbench.support;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * What the app's port speaks, from the profiles that switch it ({@code tls}, {@code h2},
 * {@code h2c}): TLS with its bundle's protocol versions and cipher suites, and whether
 * HTTP/2 is offered with its limits. Both stacks build their server from these same
 * settings, and the tuning report publishes them.
 *
 * @param tls the SSL bundle serving HTTPS, or null for plain HTTP
 * @param certificate how its certificate came about
 * @param http2 whether HTTP/2 is offered: h2 by ALPN over TLS, h2c otherwise
 * @param http2Limits the HTTP/2 limits, applied only when it is offered
 */
public record ServerProtocols(@Nullable SslBundle tls, String certificate, boolean http2,
		StackbenchProperties.Http2 http2Limits) {

	/**
	 * The {@code tls.implementation} both servers report when they run the JDK's own TLS.
	 */
	public static final String JSSE = "JSSE (the JDK's)";

	/**
	 * The protocols a client may speak, as ALPN names them, in the server's order of
	 * preference.
	 */
	public String names() {
		if (!this.http2) {
			return "http/1.1";
		}
		return (this.tls != null) ? "h2, http/1.1" : "h2c, http/1.1";
	}

	/** The knobs for the tuning line and {@code /actuator/info}. */
	public Map<String, Object> knobs() {
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("protocols", names());
		if (this.tls != null) {
			SslOptions options = this.tls.getOptions();
			knobs.put("tls.protocols", join(options.getEnabledProtocols()));
			knobs.put("tls.ciphers", join(options.getCiphers()));
			knobs.put("tls.certificate", this.certificate);
		}
		if (this.http2) {
			knobs.put("http2.max-concurrent-streams", this.http2Limits.maxConcurrentStreams());
			knobs.put("http2.initial-window-size", this.http2Limits.initialWindowSize());
			knobs.put("http2.idle-timeout-ms", this.http2Limits.idleTimeout().toMillis());
		}
		return knobs;
	}

	private static String join(String @Nullable [] values) {
		return (values != null) ? String.join(", ", Arrays.asList(values)) : "JDK default";
	}

}
