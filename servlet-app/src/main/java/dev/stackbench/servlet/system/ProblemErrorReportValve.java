package dev.stackbench.servlet.system;

import java.io.IOException;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Problem;
import dev.stackbench.workload.RequestHead;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http11.Http11InputBuffer;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's last-resort error page, for errors it raises before a request reaches the
 * application (a URI that fails to decode or normalize, a request head over the size
 * limit): a problem document instead of an HTML page naming the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	/**
	 * What Tomcat's parser throws when the request line and headers overflow its buffer,
	 * answered as a bare 400. Only its message tells it apart, and the message is
	 * localized, so it is read from Tomcat's own bundle.
	 */
	private static final String HEAD_TOO_LARGE = StringManager.getManager(Http11InputBuffer.class)
		.getString("iib.requestheadertoolarge.error");

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setHeader(Api.STACK_HEADER, StackHeadersFilter.STACK);
			response.setHeader(Api.THREAD_HEADER, Thread.currentThread().getName());
			ProblemWriter.write(problem(request, status, throwable), response);
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response already started: there is no one left to
			// tell.
		}
	}

	private static Problem problem(Request request, int status, Throwable throwable) {
		if (throwable instanceof IllegalArgumentException && HEAD_TOO_LARGE.equals(throwable.getMessage())) {
			int limit = ((AbstractHttp11Protocol<?>) request.getConnector().getProtocolHandler())
				.getMaxHttpRequestHeaderSize();
			// The URI is set once the request line has been read: without it, the line
			// itself overflowed.
			return request.getCoyoteRequest().requestURI().isNull() ? RequestHead.lineTooLong(limit)
					: RequestHead.headerFieldsTooLarge(limit);
		}
		// Thrown by the parser, or 505 for a version other than HTTP/1.x: a client error,
		// never a 5xx.
		if (throwable instanceof IllegalArgumentException || status == 505 || request.getRequestURI() == null) {
			return RequestHead.malformed();
		}
		return Problem.forStatus(status, request.getMethod(), request.getRequestURI());
	}

}
