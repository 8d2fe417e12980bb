package dev.stackbench.contract;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * How the contract reaches the app's port, decided by the app's own profiles: plain
 * HTTP/1.1, HTTP/1.1 over TLS ({@code tls}), or HTTP/2 over TLS ({@code h2}). The same
 * contract runs over each; only the client's scheme and protocol change, and the raw
 * HTTP/1.1 cases go through TLS where the port serves it.
 */
public enum Transport {

	PLAIN("http", "HTTP/1.1"),

	TLS("https", "HTTP/1.1"),

	/**
	 * HTTP/2 by ALPN; the port still serves HTTP/1.1 to a client that offers only that,
	 * which is how the raw HTTP/1.1 cases reach it.
	 */
	H2("https", "HTTP/2.0");

	private final String scheme;

	private final String protocol;

	Transport(String scheme, String protocol) {
		this.scheme = scheme;
		this.protocol = protocol;
	}

	/** The transport the app under test serves, read from its active profiles. */
	public static Transport of(Environment environment) {
		if (environment.acceptsProfiles(Profiles.of("h2"))) {
			return H2;
		}
		return environment.acceptsProfiles(Profiles.of("tls")) ? TLS : PLAIN;
	}

	public String scheme() {
		return this.scheme;
	}

	/** The protocol the contract's client speaks, as a server names it to its app. */
	public String protocol() {
		return this.protocol;
	}

	public boolean secure() {
		return this != PLAIN;
	}

}
