package dev.stackbench.servlet.cgi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.stackbench.servlet.system.GuardedNioProtocol;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import dev.stackbench.workload.cgi.CgiGateway;
import dev.stackbench.workload.cgi.CgiRequest;
import dev.stackbench.workload.cgi.CgiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CgiController {

	private final CgiGateway gateway;

	CgiController(CgiGateway gateway) {
		this.gateway = gateway;
	}

	/**
	 * Runs the program on the request thread, which waits for it: a platform thread is
	 * out of the pool for the program's whole life, as in any CGI server with a thread
	 * per request. The answer is written as the program wrote it, past Spring's message
	 * converters, which would add headers of their own.
	 */
	@RequestMapping(path = Api.CGI + "/{*target}", method = { RequestMethod.GET, RequestMethod.POST })
	void cgi(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Echo.requireDeclaredLengthWithinLimit(request.getContentLengthLong());
		byte[] body = Echo.readWithinLimit(request.getInputStream());
		CgiRequest cgiRequest = new CgiRequest(request.getMethod(), request.getRequestURI(), request.getQueryString(),
				request.getProtocol(), host(request), request.getLocalPort(), request.getRemoteAddr(), headers(request),
				body.length);
		CgiResponse answer = this.gateway.run(cgiRequest, body, GuardedNioProtocol.clientGone());
		response.setStatus(answer.status());
		answer.headerFields().forEach((field) -> response.addHeader(field.getKey(), field.getValue()));
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	/**
	 * The Host field, or over HTTP/2 its {@code :authority}, which Tomcat reads into the
	 * server name and port but does not list as a field: a gateway passing a request on
	 * as HTTP/1.1 makes a Host field of it (RFC 9113 8.3.1), as Reactor Netty does
	 * itself.
	 */
	private static String host(HttpServletRequest request) {
		String host = request.getHeader(HttpHeaders.HOST);
		return (host != null) ? host : request.getServerName() + ":" + request.getServerPort();
	}

	private static List<Map.Entry<String, String>> headers(HttpServletRequest request) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		if (request.getHeader(HttpHeaders.HOST) == null) {
			headers.add(Map.entry(HttpHeaders.HOST, host(request)));
		}
		for (String name : Collections.list(request.getHeaderNames())) {
			for (String value : Collections.list(request.getHeaders(name))) {
				headers.add(Map.entry(name, value));
			}
		}
		return headers;
	}

}
