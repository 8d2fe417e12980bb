package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.coyote.BadRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into the workload's {@link Problem}. Spring MVC decides the status of
 * its own exceptions (404, 405, 406, 415...); the body is then described from the request
 * alone, so it matches the reactive app's byte for byte and never carries an exception
 * message.
 */
@RestControllerAdvice
class ProblemResponses extends ResponseEntityExceptionHandler {

	private static final Log logger = LogFactory.getLog(ProblemResponses.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<Object> workloadProblem(ProblemException ex, HttpServletResponse response) throws IOException {
		return respond(ex.problem(), new HttpHeaders(), response);
	}

	/**
	 * A body Tomcat cannot frame (a bad chunk header, say), found only when the endpoint
	 * reads it.
	 */
	@ExceptionHandler(BadRequestException.class)
	ResponseEntity<Object> unreadableBody(HttpServletRequest request, HttpServletResponse response) throws IOException {
		return respond(Problem.forStatus(400, request.getMethod(), request.getRequestURI()), new HttpHeaders(),
				response);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		logger.error("Unexpected failure answering " + request.getMethod() + " " + request.getRequestURI(), ex);
		return respond(Problem.forStatus(500, request.getMethod(), request.getRequestURI()), new HttpHeaders(),
				response);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		NativeWebRequest nativeRequest = (NativeWebRequest) request;
		HttpServletRequest servletRequest = nativeRequest.getNativeRequest(HttpServletRequest.class);
		try {
			return respond(
					Problem.forStatus(statusCode.value(), servletRequest.getMethod(), servletRequest.getRequestURI()),
					headers, nativeRequest.getNativeResponse(HttpServletResponse.class));
		}
		catch (IOException writeFailed) {
			// The client has gone: there is nobody to answer.
			return null;
		}
	}

	/**
	 * Writes the problem document itself and returns no entity, which tells Spring the
	 * response is done. Spring's message converters would add
	 * {@code Content-Disposition: inline;filename=f.txt} whenever the path ends in an
	 * extension they do not know ({@code /api/nope.zip}, {@code /api/cgi/nope.cgi}: their
	 * guard against reflected file downloads), which WebFlux, and so the reactive app,
	 * does not; the same request would get different headers on the two apps.
	 */
	static @Nullable ResponseEntity<Object> respond(Problem problem, HttpHeaders headers, HttpServletResponse response)
			throws IOException {
		if (!response.isCommitted()) {
			headers.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		}
		ProblemWriter.write(problem, response);
		return null;
	}

}
