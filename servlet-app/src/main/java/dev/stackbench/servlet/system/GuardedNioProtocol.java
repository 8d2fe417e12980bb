package dev.stackbench.servlet.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.Constants;
import org.apache.coyote.Processor;
import org.apache.coyote.Request;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.coyote.http11.Http11Processor;
import org.apache.tomcat.util.net.AbstractEndpoint.Handler.SocketState;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO protocol plus two things it lacks.
 * <ul>
 * <li>A deadline on reading each request head ({@code stackbench.request-head-timeout}).
 * Tomcat's connection timeout bounds each read, not the head as a whole, so a client that
 * trickles a header byte every few seconds (slowloris) would keep its connection for ever
 * and, a few thousand of them, exhaust max-connections. Once a second this closes every
 * connection whose head started arriving longer ago than the deadline. Such a connection
 * never holds a request thread meanwhile: NIO parses heads without one, which is why the
 * single-thread profile keeps serving too.</li>
 * <li>A way for a request thread to see that its client has gone ({@link #clientGone}),
 * from the connection it serves. While a thread serves a request, Tomcat does not watch
 * its socket, so a thread waiting on a CGI program would otherwise learn of the
 * disconnect only when it writes the answer.</li>
 * <li>The connection a request thread is serving ({@link #connectionServedHere}), so that
 * {@link RequestBodyDeadlineFilter} can bound the thread's reads of a request body.</li>
 * </ul>
 */
public class GuardedNioProtocol extends Http11NioProtocol {

	private volatile long requestHeadTimeoutNanos = Duration.ofSeconds(20).toNanos();

	/** Set while a thread serves requests on a connection, which it then owns. */
	private static final ThreadLocal<ServedConnection> SERVED_HERE = new ThreadLocal<>();

	/**
	 * Bodies left to Tomcat to read after the answer, and by when they must have arrived.
	 */
	private final Map<Swallow, Long> swallowDeadlines = new ConcurrentHashMap<>();

	private ScheduledFuture<?> monitor;

	/**
	 * The connection this thread is serving a request of; empty on other threads, and for
	 * a request served asynchronously once it has left its first thread.
	 */
	static Optional<ServedConnection> servedHere() {
		return Optional.ofNullable(SERVED_HERE.get());
	}

	public Duration getRequestHeadTimeout() {
		return Duration.ofNanos(this.requestHeadTimeoutNanos);
	}

	public void setRequestHeadTimeout(Duration timeout) {
		this.requestHeadTimeoutNanos = timeout.toNanos();
	}

	@Override
	protected Processor createProcessor() {
		return new Http11Processor(this, getAdapter()) {

			@Override
			public SocketState service(SocketWrapperBase<?> connection) throws IOException {
				SERVED_HERE.set(new ServedConnection(this, connection));
				try {
					return super.service(connection);
				}
				finally {
					SERVED_HERE.remove();
				}
			}

		};
	}

	@Override
	public void start() throws Exception {
		super.start();
		this.monitor = getUtilityExecutor().scheduleWithFixedDelay(() -> {
			closeLateHeads();
			stopLateSwallows();
		}, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() throws Exception {
		if (this.monitor != null) {
			this.monitor.cancel(false);
		}
		super.stop();
	}

	private void closeLateHeads() {
		long startedBefore = System.nanoTime() - this.requestHeadTimeoutNanos;
		for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
			if (connection.getCurrentProcessor() instanceof AbstractProcessor processor
					&& isReadingHeadStartedBefore(processor, startedBefore)) {
				// ERROR makes the connection handler release the processor and close the
				// socket, as for a failed read.
				getEndpoint().processSocket(connection, SocketEvent.ERROR, false);
			}
		}
	}

	/**
	 * Cuts the read timeout of every connection whose swallowed body is past its deadline
	 * to a millisecond: Tomcat's next read of it times out, and Tomcat closes the
	 * connection.
	 */
	private void stopLateSwallows() {
		long now = System.nanoTime();
		this.swallowDeadlines.forEach((swallow, deadline) -> {
			boolean reading = swallow.isStillReading();
			if (!reading || now - deadline >= 0) {
				if (reading) {
					swallow.served().connection.setReadTimeout(1);
				}
				this.swallowDeadlines.remove(swallow);
			}
		});
	}

	/**
	 * A check of whether the client of the request this thread serves has closed its
	 * connection, for the thread (which owns the socket meanwhile) to call now and then.
	 * It reads without waiting: nothing means the client is there, end of stream or a
	 * reset that it has gone, and a byte (the start of a pipelined request) is put back
	 * for Tomcat to read later. A client that only half-closes after its request counts
	 * as gone. Never true on a thread that serves no connection.
	 */
	public static BooleanSupplier clientGone() {
		return servedHere().<BooleanSupplier>map((served) -> () -> isClosedByClient(served.connection))
			.orElse(() -> false);
	}

	private static boolean isClosedByClient(SocketWrapperBase<?> connection) {
		ByteBuffer next = ByteBuffer.allocate(1);
		try {
			if (connection.read(false, next) > 0) {
				connection.unRead(next.flip());
			}
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/**
	 * A processor stays with its connection between events only while the head is
	 * incomplete, or while the request is asynchronous or upgraded (a request being
	 * served synchronously holds it on its thread instead). Tomcat stamps the start time
	 * when the first byte of the head arrives.
	 */
	private static boolean isReadingHeadStartedBefore(AbstractProcessor processor, long startedBefore) {
		long started = processor.getRequest().getStartTimeNanos();
		return !processor.isAsync() && !processor.isUpgrade() && started != -1 && started - startedBefore < 0;
	}

	/**
	 * A connection a thread is serving a request on, for the request body deadline (see
	 * {@link RequestBodyDeadlineFilter}).
	 */
	final class ServedConnection {

		private final AbstractProcessor processor;

		private final SocketWrapperBase<?> connection;

		private ServedConnection(AbstractProcessor processor, SocketWrapperBase<?> connection) {
			this.processor = processor;
			this.connection = connection;
		}

		/** How long each blocking read of the connection may wait for a byte. */
		long readTimeoutMillis() {
			return this.connection.getReadTimeout();
		}

		void setReadTimeoutMillis(long millis) {
			this.connection.setReadTimeout(Math.max(1, millis));
		}

		/**
		 * Leaves the rest of the current request's body to Tomcat, which reads it after
		 * the answer (swallows it) with the read timeout for each read: past the deadline
		 * the monitor cuts that timeout, so Tomcat gives up and closes the connection.
		 */
		void swallowBy(long deadlineNanos) {
			setReadTimeoutMillis(TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
			GuardedNioProtocol.this.swallowDeadlines
				.put(new Swallow(this, this.processor.getRequest().getStartTimeNanos()), deadlineNanos);
		}

	}

	/**
	 * The body of the request that started at {@code requestStartNanos}, being swallowed
	 * on {@code served}.
	 */
	private record Swallow(ServedConnection served, long requestStartNanos) {

		/**
		 * Whether Tomcat is still serving that request, and so may still be reading its
		 * body: the processor moves on to the connection's next request, which starts at
		 * another time, once it has.
		 */
		boolean isStillReading() {
			Request request = this.served.processor.getRequest();
			int stage = request.getRequestProcessor().getStage();
			return request.getStartTimeNanos() == this.requestStartNanos
					&& (stage == Constants.STAGE_SERVICE || stage == Constants.STAGE_ENDINPUT);
		}

	}

}
