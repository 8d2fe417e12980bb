package dev.stackbench.reactive.system;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Problem;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Writes a problem document as every path of the reactive app answers one, at whichever
 * layer it is refused: the exception handler and a web filter (WebFlux), a route in front
 * of WebFlux (Reactor Netty), and the request-head guard in front of the HTTP codec
 * (Netty). One place for its status, headers and body, so that they cannot drift apart
 * between the layers (the contract suite compares them with the servlet app's).
 */
final class ProblemWriter {

	static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Api.PROBLEM_JSON);

	private ProblemWriter() {
	}

	/** The exception handler's answer: the body is written by WebFlux's JSON codec. */
	static ResponseEntity<Object> entity(Problem problem, HttpHeaders headers) {
		if (problem.retryAfterSeconds() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		}
		return ResponseEntity.status(problem.status()).headers(headers).contentType(PROBLEM_JSON).body(problem);
	}

	/**
	 * A web filter's refusal; {@link StackHeaders} has set the stack's headers already.
	 */
	static Mono<Void> write(Problem problem, ServerHttpResponse response) {
		byte[] json = problem.toJson();
		response.setStatusCode(HttpStatus.valueOf(problem.status()));
		if (problem.retryAfterSeconds() != null) {
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		}
		response.getHeaders().setContentType(PROBLEM_JSON);
		response.getHeaders().setContentLength(json.length);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
	}

	/**
	 * A refusal before WebFlux, where {@link StackHeaders} does not add the stack's
	 * headers: they are added here.
	 */
	static Publisher<Void> send(Problem problem, HttpServerResponse response) {
		byte[] json = problem.toJson();
		headers(problem, json.length, response.status(HttpResponseStatus.valueOf(problem.status())).responseHeaders());
		return response.sendByteArray(Mono.just(json));
	}

	/**
	 * A refusal before the HTTP codec: a whole response, after which the connection is
	 * closed.
	 */
	static FullHttpResponse closing(Problem problem) {
		byte[] json = problem.toJson();
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(json));
		headers(problem, json.length, response.headers());
		response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

	private static void headers(Problem problem, int length, io.netty.handler.codec.http.HttpHeaders headers) {
		headers.set(Api.STACK_HEADER, StackHeaders.STACK)
			.set(Api.THREAD_HEADER, Thread.currentThread().getName())
			.set(HttpHeaderNames.CONTENT_TYPE, Api.PROBLEM_JSON)
			.set(HttpHeaderNames.CONTENT_LENGTH, length);
		if (problem.retryAfterSeconds() != null) {
			headers.set(HttpHeaderNames.RETRY_AFTER, problem.retryAfterSeconds());
		}
	}

}
