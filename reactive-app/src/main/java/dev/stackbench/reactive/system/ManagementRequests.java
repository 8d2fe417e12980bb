package dev.stackbench.reactive.system;

import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Requests to the management server (health, info, prometheus). WebFlux runs the app's
 * web filters and observations on them too, unlike the servlet app's management server,
 * so the filters that must not count them ask here.
 */
final class ManagementRequests {

	private static final String ACTUATOR = "/actuator/";

	private ManagementRequests() {
	}

	static boolean isManagement(ServerHttpRequest request) {
		return request.getPath().value().startsWith(ACTUATOR);
	}

}
