package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Problem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the errors Tomcat raises outside Spring MVC (in filters, or before a request
 * reaches the dispatcher) with the same problem documents as everything else, replacing
 * Boot's whitelabel error page.
 */
@RestController
class ErrorPageController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	@Nullable ResponseEntity<Object> error(HttpServletRequest request, HttpServletResponse response) throws IOException {
		Integer status = (Integer) request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		boolean requestedDirectly = status == null;
		// An error dispatch is a GET whatever the request was: the original method is in
		// ERROR_METHOD. Requested directly, the error page is not an endpoint: it is
		// answered like any unknown path.
		Problem problem = requestedDirectly ? Problem.forStatus(404, request.getMethod(), request.getRequestURI())
				: Problem.forStatus(status, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_METHOD)),
						String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
		return ProblemResponses.respond(problem, new HttpHeaders(), response);
	}

}
