package dev.stackbench.reactive.cgi;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

import dev.stackbench.reactive.system.BoundedBody;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.cgi.CgiGateway;
import dev.stackbench.workload.cgi.CgiRequest;
import dev.stackbench.workload.cgi.CgiResponse;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
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
	 * Takes a process slot on the event loop (or answers 503 at once), hands the program
	 * to the gateway's starter threads (a fork and exec blocks), and answers when the
	 * program has exited: no thread waits on it meanwhile. A client that goes away
	 * cancels the answer, which kills the program, or keeps it from starting.
	 */
	@RequestMapping(path = Api.CGI + "/{*target}", method = { RequestMethod.GET, RequestMethod.POST })
	Mono<ResponseEntity<byte[]>> cgi(ServerHttpRequest request) {
		return BoundedBody.read(request).flatMap((bounded) -> {
			byte[] body = bounded.requireWithinLimit();
			CgiRequest cgiRequest = cgiRequest(request, body.length);
			return Mono.using(() -> this.gateway.admit(cgiRequest),
					(slot) -> Mono.fromFuture(() -> slot.start(body, () -> false)), CgiGateway.Slot::close);
		}).map(CgiController::toEntity);
	}

	private static CgiRequest cgiRequest(ServerHttpRequest request, int bodyLength) {
		HttpServerRequest nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
		InetSocketAddress local = request.getLocalAddress();
		InetSocketAddress remote = request.getRemoteAddress();
		List<Map.Entry<String, String>> headers = request.getHeaders()
			.headerSet()
			.stream()
			.flatMap((header) -> header.getValue().stream().map((value) -> Map.entry(header.getKey(), value)))
			.toList();
		return new CgiRequest(request.getMethod().name(), request.getURI().getRawPath(), request.getURI().getRawQuery(),
				nativeRequest.version().text(), request.getHeaders().getFirst(HttpHeaders.HOST),
				(local != null) ? local.getPort() : 0, (remote != null) ? remote.getAddress().getHostAddress() : "",
				headers, bodyLength);
	}

	private static ResponseEntity<byte[]> toEntity(CgiResponse response) {
		return ResponseEntity.status(response.status())
			.headers((headers) -> response.headerFields()
				.forEach((field) -> headers.add(field.getKey(), field.getValue())))
			.body(response.body());
	}

}
