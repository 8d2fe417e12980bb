package dev.stackbench.reactive.system;

import java.util.Optional;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.RequestTarget;
import org.reactivestreams.Publisher;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.HttpServerRoutes;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;

/**
 * Rejects request targets the servlet app rejects too (see {@link RequestTarget}) before
 * WebFlux sees them: WebFlux would answer a target that is not a valid URI with an empty
 * 400 and route the others as ordinary paths.
 */
@Component
class RequestTargetRoute implements NettyRouteProvider {

	@Override
	public HttpServerRoutes apply(HttpServerRoutes routes) {
		return routes.route((request) -> problem(request).isPresent(), RequestTargetRoute::reject);
	}

	private static Optional<Problem> problem(HttpServerRequest request) {
		return RequestTarget.problem(request.method().name(), request.uri());
	}

	private static Publisher<Void> reject(HttpServerRequest request, HttpServerResponse response) {
		return ProblemWriter.send(problem(request).orElseThrow(), response);
	}

}
