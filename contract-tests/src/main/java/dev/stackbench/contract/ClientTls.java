package dev.stackbench.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;

import org.springframework.core.env.Environment;

/**
 * A client's TLS that trusts exactly the certificate of the app under test, read from the
 * keystore the app was started with ({@code stackbench.tls.keystore}, made for the run):
 * no trust-everything manager, so a wrong certificate or host name fails the contract.
 */
final class ClientTls {

	private final TrustManagerFactory trust;

	private final SSLContext jdk;

	private ClientTls(TrustManagerFactory trust, SSLContext jdk) {
		this.trust = trust;
		this.jdk = jdk;
	}

	static ClientTls trusting(Environment environment) {
		String location = environment.getRequiredProperty("stackbench.tls.keystore");
		char[] password = environment.getRequiredProperty("stackbench.tls.keystore-password").toCharArray();
		try (InputStream in = Files.newInputStream(Path.of(location.replaceFirst("^file:", "")))) {
			KeyStore keystore = KeyStore.getInstance("PKCS12");
			keystore.load(in, password);
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(keystore);
			SSLContext jdk = SSLContext.getInstance("TLS");
			jdk.init(null, trust.getTrustManagers(), null);
			return new ClientTls(trust, jdk);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The app's keystore cannot be trusted: " + ex.getMessage(), ex);
		}
	}

	/** For the JDK's HTTP client. */
	SSLContext jdk() {
		return this.jdk;
	}

	/**
	 * For Reactor Netty's client, offering only the transport's protocol by ALPN: the
	 * handshake fails unless the server picks it.
	 */
	SslContext netty(Transport transport) {
		String protocol = (transport == Transport.H2) ? ApplicationProtocolNames.HTTP_2
				: ApplicationProtocolNames.HTTP_1_1;
		try {
			return SslContextBuilder.forClient()
				.trustManager(this.trust)
				.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
						ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
						ApplicationProtocolConfig.SelectedListenerFailureBehavior.FATAL_ALERT, protocol))
				.build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A raw HTTP/1.1 connection through TLS, ALPN offering http/1.1 alone. */
	Socket openHttp1(int port) throws IOException {
		SSLSocket socket = (SSLSocket) this.jdk.getSocketFactory().createSocket("localhost", port);
		SSLParameters parameters = socket.getSSLParameters();
		parameters.setApplicationProtocols(new String[] { ApplicationProtocolNames.HTTP_1_1 });
		parameters.setEndpointIdentificationAlgorithm("HTTPS");
		socket.setSSLParameters(parameters);
		socket.startHandshake();
		return socket;
	}

}
