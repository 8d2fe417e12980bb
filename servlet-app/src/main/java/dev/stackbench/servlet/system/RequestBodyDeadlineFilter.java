package dev.stackbench.servlet.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Optional;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Problem;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.RequestBodyDeadline;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The request body deadline ({@link RequestBodyDeadline}) on the servlet app. Tomcat
 * bounds each read of a body by its connection timeout, and every byte that arrives
 * starts a new one, so a body trickled a byte every few seconds would hold its request
 * thread for ever. A request with a body gets it through a stream that, before each read,
 * sets the connection's read timeout to what is left of the deadline: a silent client's
 * read then times out at the deadline (Tomcat answers that with a 408), and a trickling
 * client is refused with the same 408 at its first read past it. The read timeout is then
 * left at a millisecond, so that Tomcat, which would swallow the rest of the body before
 * closing, gives up on it at once and closes.
 * <p>
 * A body the app leaves unread (an answer given before reading it, a body sent where none
 * is expected) is swallowed by Tomcat after the answer, within the same deadline (see
 * {@link GuardedNioProtocol.ServedConnection#swallowBy}): it cannot be read here, since
 * Tomcat closes a request's input once its answer is complete.
 */
@Component
@Order(FilterOrder.REQUEST_BODY_DEADLINE)
class RequestBodyDeadlineFilter extends HttpFilter {

	private final RequestBodyDeadline deadline;

	RequestBodyDeadlineFilter(StackbenchProperties properties) {
		this.deadline = properties.requestBodyDeadline();
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<GuardedNioProtocol.ServedConnection> connection = GuardedNioProtocol.servedHere();
		if (!hasBody(request) || connection.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		TimedBody body = new TimedBody(request, connection.get());
		chain.doFilter(new HttpServletRequestWrapper(request) {

			@Override
			public ServletInputStream getInputStream() {
				return body;
			}

			@Override
			public BufferedReader getReader() {
				return new BufferedReader(new InputStreamReader(body, Charset.forName(
						getCharacterEncoding() != null ? getCharacterEncoding() : response.getCharacterEncoding())));
			}

		}, response);
		body.leaveRestToTomcat();
	}

	private static boolean hasBody(HttpServletRequest request) {
		return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
	}

	/** The body, read within the deadline. */
	private final class TimedBody extends ServletInputStream {

		private final ServletInputStream body;

		private final GuardedNioProtocol.ServedConnection connection;

		private final String method;

		private final String path;

		/** Tomcat's read timeout for a body, put back once the app is done with it. */
		private final long readTimeout;

		private final long headArrivedNanos = System.nanoTime();

		private long arrived;

		private boolean finished;

		private boolean late;

		TimedBody(HttpServletRequest request, GuardedNioProtocol.ServedConnection connection) throws IOException {
			this.body = request.getInputStream();
			this.connection = connection;
			this.method = request.getMethod();
			this.path = request.getRequestURI();
			this.readTimeout = connection.readTimeoutMillis();
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == -1) ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			Duration left = RequestBodyDeadlineFilter.this.deadline.remaining(this.headArrivedNanos, this.arrived,
					System.nanoTime());
			if (left.isZero()) {
				throw late();
			}
			this.connection.setReadTimeoutMillis(left.toMillis());
			int read;
			try {
				read = this.body.read(buffer, offset, length);
			}
			catch (IOException ex) {
				if (RequestBodyDeadlineFilter.this.deadline
					.remaining(this.headArrivedNanos, this.arrived, System.nanoTime())
					.isZero()) {
					throw late();
				}
				throw ex;
			}
			if (read == -1) {
				this.finished = true;
			}
			else {
				this.arrived += read;
			}
			return read;
		}

		private ProblemException late() {
			this.late = true;
			this.connection.setReadTimeoutMillis(1);
			return new ProblemException(Problem.forStatus(408, this.method, this.path));
		}

		/**
		 * Once the app is done: a body read in full gets Tomcat's read timeout back, and
		 * whatever of it the app did not read is left to Tomcat, which swallows it after
		 * the answer, within the same deadline.
		 */
		void leaveRestToTomcat() {
			if (this.late) {
				return;
			}
			if (isFinished()) {
				this.connection.setReadTimeoutMillis(this.readTimeout);
			}
			else {
				this.connection.swallowBy(
						RequestBodyDeadlineFilter.this.deadline.deadlineNanos(this.headArrivedNanos, this.arrived));
			}
		}

		@Override
		public boolean isFinished() {
			return this.finished || this.body.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.body.isReady();
		}

		/**
		 * Non-blocking reads hold no thread while they wait, so they keep Tomcat's own
		 * timeouts.
		 */
		@Override
		public void setReadListener(ReadListener listener) {
			this.body.setReadListener(listener);
		}

	}

}
