package dev.stackbench.servlet.system;

import java.util.function.BooleanSupplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Tells a request thread whether its client is still connected (see
 * {@link GuardedNioProtocol#clientGone}).
 */
@Component
public class ClientDisconnects {

	private final WebServerApplicationContext context;

	ClientDisconnects(WebServerApplicationContext context) {
		this.context = context;
	}

	/**
	 * A check to call now and then on the thread serving {@code request}: true once its
	 * client has gone.
	 */
	public BooleanSupplier of(HttpServletRequest request) {
		if (this.context.getWebServer() instanceof TomcatWebServer server
				&& server.getTomcat().getConnector().getProtocolHandler() instanceof GuardedNioProtocol protocol) {
			return protocol.clientGone(request.getRemoteAddr(), request.getRemotePort());
		}
		return () -> false;
	}

}
