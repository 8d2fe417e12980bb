package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Problem;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Writes a problem document as every path of the servlet app answers one: the exception
 * handler, the error page, Tomcat's error report valve and the filters that refuse a
 * request. One place, so that the bytes cannot drift apart between them (the contract
 * suite compares them with the reactive app's).
 */
final class ProblemWriter {

	private ProblemWriter() {
	}

	/**
	 * Status, {@code Retry-After} when the problem asks for a wait, content type, length
	 * and body. Nothing when part of another answer has gone out already (a stream that
	 * failed): nothing can follow it.
	 */
	static void write(Problem problem, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.setStatus(problem.status());
		if (problem.retryAfterSeconds() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds());
		}
		byte[] json = problem.toJson();
		response.setContentType(Api.PROBLEM_JSON);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

}
