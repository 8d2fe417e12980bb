package dev.stackbench.reactive.system;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.ProblemException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Turns every error into the workload's {@link Problem}. WebFlux decides the status of
 * its own exceptions (404, 405, 406, 415...); the body is then described from the request
 * alone, so it matches the servlet app's byte for byte and never carries an exception
 * message.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemResponses.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> workloadProblem(ProblemException ex) {
		return ProblemWriter.entity(ex.problem(), new HttpHeaders());
	}

	/**
	 * The connection closed while the request was read or answered: the client left, or
	 * the server refused its body (see {@link RequestReadGuard}). There is no one to
	 * answer and nothing went wrong in the app.
	 */
	@ExceptionHandler(AbortedException.class)
	Mono<ResponseEntity<Object>> connectionClosed(AbortedException ex, ServerHttpRequest request) {
		logger.debug("Connection closed while answering " + request.getMethod() + " " + request.getURI().getRawPath());
		return Mono.empty();
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, ServerHttpRequest request) {
		logger.error("Unexpected failure answering " + request.getMethod() + " " + request.getURI().getRawPath(), ex);
		return ProblemWriter.entity(Problem.forStatus(500, request.getMethod().name(), request.getURI().getRawPath()),
				new HttpHeaders());
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		ServerHttpRequest request = exchange.getRequest();
		Problem problem = Problem.forStatus(status.value(), request.getMethod().name(), request.getURI().getRawPath());
		return Mono.just(ProblemWriter.entity(problem, (headers != null) ? headers : new HttpHeaders()));
	}

}
