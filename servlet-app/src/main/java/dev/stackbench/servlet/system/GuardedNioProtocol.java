package dev.stackbench.servlet.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
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
 * <li>A way for a request thread to see that its client has gone ({@link #clientGone}).
 * While a thread serves a request, Tomcat does not watch its socket, so a thread waiting
 * on a CGI program would otherwise learn of the disconnect only when it writes the
 * answer.</li>
 * </ul>
 */
public class GuardedNioProtocol extends Http11NioProtocol {

	private volatile long requestHeadTimeoutNanos = Duration.ofSeconds(20).toNanos();

	private ScheduledFuture<?> monitor;

	public Duration getRequestHeadTimeout() {
		return Duration.ofNanos(this.requestHeadTimeoutNanos);
	}

	public void setRequestHeadTimeout(Duration timeout) {
		this.requestHeadTimeoutNanos = timeout.toNanos();
	}

	@Override
	public void start() throws Exception {
		super.start();
		this.monitor = getUtilityExecutor().scheduleWithFixedDelay(this::closeLateHeads, 1, 1, TimeUnit.SECONDS);
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
	 * A check of whether the client of a request being served has closed its connection,
	 * for the thread serving it (which owns the socket meanwhile) to call now and then.
	 * It reads without waiting: nothing means the client is there, end of stream or a
	 * reset that it has gone, and a byte (the start of a pipelined request) is put back
	 * for Tomcat to read later. A client that only half-closes after its request counts
	 * as gone.
	 */
	public BooleanSupplier clientGone(String remoteAddress, int remotePort) {
		for (SocketWrapperBase<NioChannel> connection : getEndpoint().getConnections()) {
			if (connection.getRemotePort() == remotePort && remoteAddress.equals(connection.getRemoteAddr())) {
				return () -> isClosedByClient(connection);
			}
		}
		return () -> false;
	}

	private static boolean isClosedByClient(SocketWrapperBase<NioChannel> connection) {
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

}
