package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.stackbench.workload.Api;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/** The HTTP protocol every simulation uses, so that both apps see the same client. */
final class Http {

	private Http() {
	}

	/**
	 * One connection pool per virtual user, as browsers and most clients behave: a
	 * closed-model user keeps its connection alive between requests.
	 */
	static HttpProtocolBuilder perUserConnections(String baseUrl) {
		return http.baseUrl(baseUrl).acceptHeader("*/*").userAgentHeader("stackbench-gatling").disableCaching();
	}

	/**
	 * One pool shared by all virtual users, as a service calling another service behaves:
	 * for open-model runs, where each arriving request is a new virtual user that should
	 * not pay for a new TCP connection.
	 */
	static HttpProtocolBuilder sharedConnections(String baseUrl) {
		return perUserConnections(baseUrl).shareConnections();
	}

	/**
	 * A 200 from either stack: the stack header proves the answer came from a stackbench
	 * app. A bare Spring Boot app, which the comparison sets the apps against
	 * ({@link SimulationLoad#BARE_APP}), answers without one.
	 */
	static CheckBuilder[] ok() {
		return Boolean.getBoolean(SimulationLoad.BARE_APP) ? new CheckBuilder[] { answered() }
				: new CheckBuilder[] { status().is(200), header(Api.STACK_HEADER).exists() };
	}

	/**
	 * A 200 from a bare Spring Boot app, which answers without the stack header.
	 */
	static CheckBuilder answered() {
		return status().is(200);
	}

	/**
	 * {@code GET /api/slow?delay=ms}, named after its path so that each delay is its own
	 * row in a report.
	 */
	static HttpRequestActionBuilder slowPage(int delayMillis) {
		String path = Api.SLOW + "?delay=" + delayMillis;
		return http("GET " + path).get(path).check(ok());
	}

}
