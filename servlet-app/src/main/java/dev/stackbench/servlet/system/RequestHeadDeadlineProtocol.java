package dev.stackbench.servlet.system;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.coyote.AbstractProcessor;
import org.apache.coyote.http11.Http11NioProtocol;
import org.apache.tomcat.util.net.NioChannel;
import org.apache.tomcat.util.net.SocketEvent;
import org.apache.tomcat.util.net.SocketWrapperBase;

/**
 * Tomcat's NIO protocol plus a deadline on reading each request head ({@code stackbench.request-head-timeout}).
 * Tomcat's connection timeout bounds each read, not the head as a whole, so a client that trickles a header byte
 * every few seconds (slowloris) would keep its connection for ever and, a few thousand of them, exhaust
 * max-connections. Once a second this closes every connection whose head started arriving longer ago than the
 * deadline. Such a connection never holds a request thread meanwhile: NIO parses heads without one, which is why
 * the single-thread profile keeps serving too.
 */
public class RequestHeadDeadlineProtocol extends Http11NioProtocol {

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
				// ERROR makes the connection handler release the processor and close the socket, as for a failed read.
				getEndpoint().processSocket(connection, SocketEvent.ERROR, false);
			}
		}
	}

	/**
	 * A processor stays with its connection between events only while the head is incomplete, or while the
	 * request is asynchronous or upgraded (a request being served synchronously holds it on its thread instead).
	 * Tomcat stamps the start time when the first byte of the head arrives.
	 */
	private static boolean isReadingHeadStartedBefore(AbstractProcessor processor, long startedBefore) {
		long started = processor.getRequest().getStartTimeNanos();
		return !processor.isAsync() && !processor.isUpgrade() && started != -1 && started - startedBefore < 0;
	}

}
