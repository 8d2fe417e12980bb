package dev.stackbench.servlet.system;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Problem;
import dev.stackbench.workload.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into the workload's {@link Problem}. Spring MVC decides the status of its own exceptions (404,
 * 405, 406, 415...); the body is then described from the request alone, so it matches the reactive app's byte for
 * byte and never carries an exception message.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemResponses.class);

	static final MediaType PROBLEM_JSON = MediaType.parseMediaType(Api.PROBLEM_JSON);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> workloadProblem(ProblemException ex) {
		return respond(ex.problem(), new HttpHeaders());
	}

	/** A body Tomcat cannot frame (a bad chunk header, say), found only when the endpoint reads it. */
	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Object> unreadableBody(HttpServletRequest request) {
		return respond(Problem.forStatus(400, request.getMethod(), request.getRequestURI()), new HttpHeaders());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		logger.error("Unexpected failure answering " + request.getMethod() + " " + request.getRequestURI(), ex);
		return respond(Problem.forStatus(500, request.getMethod(), request.getRequestURI()), new HttpHeaders());
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpServletRequest servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
		return respond(Problem.forStatus(statusCode.value(), servletRequest.getMethod(), servletRequest.getRequestURI()),
				headers);
	}

	static ResponseEntity<Object> respond(Problem problem, HttpHeaders headers) {
		if (problem.retryAfterSeconds() != null) {
			headers.set(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		}
		return ResponseEntity.status(problem.status()).headers(headers).contentType(PROBLEM_JSON).body(problem);
	}

}
