package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's last-resort error page, for errors it raises before a request reaches the application (a URI that
 * fails to decode or normalize, for instance): a problem document instead of an HTML page naming the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setHeader(Api.STACK_HEADER, StackHeadersFilter.STACK);
			response.setHeader(Api.THREAD_HEADER, Thread.currentThread().getName());
			write(Problem.forStatus(status, request.getMethod(), request.getRequestURI()), response);
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response already started: there is no one left to tell.
		}
	}

	static void write(Problem problem, HttpServletResponse response) throws IOException {
		byte[] json = problem.toJson();
		response.setStatus(problem.status());
		response.setContentType(Api.PROBLEM_JSON);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

}
