package dev.stackbench.reactive.system;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.stackbench.workload.Problem;
import dev.stackbench.workload.RequestBodyDeadline;
import dev.stackbench.workload.RequestHead;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.netty.NettyPipeline;

/**
 * Guards the reading of each request on one connection, its head (request line and header
 * fields) and its body, the way Tomcat's parser, {@code GuardedNioProtocol} and
 * {@code RequestBodyDeadlineFilter} do on the servlet app, with the same limits (see
 * {@link RequestHead} and {@link RequestBodyDeadline}):
 * <ul>
 * <li>a head over the size limit is answered with the same problem document as there,
 * then the connection is closed. Netty's decoder limits the line and the header fields
 * separately, and Reactor Netty answers its refusals with an empty body; this handler
 * answers those, and also a line and headers over the limit together. Any other head or
 * body the decoder cannot parse, and a few heads Netty accepts and Tomcat does not, get
 * the servlet app's 400.</li>
 * <li>a head that has not fully arrived within the timeout of its first byte, or of the
 * connection opening, gets its connection closed, as on the servlet app. Reactor Netty's
 * idle timeout sits after the codec and so counts only whole heads, not bytes: on its own
 * it already stops a client that trickles a byte every few seconds (slowloris), but only
 * after the idle timeout (60 s), three times the servlet app's deadline.</li>
 * <li>a body that has not arrived by its deadline gets a 408 problem, where no answer has
 * started yet, and its connection is closed; also a body the app answered without reading
 * (a declared length over the limit, say), which Reactor Netty reads and discards after
 * the answer, as Tomcat swallows it. Reactor Netty's idle timeout does not run while a
 * request is being read, and so never stops a trickled body.</li>
 * </ul>
 * One instance per connection: its two handlers sit either side of the HTTP codec and
 * share its state, all on the connection's event loop.
 */
final class RequestReadGuard {

	private final long maxHeadBytes;

	private final Duration timeout;

	private final RequestBodyDeadline bodyDeadline;

	private ScheduledFuture<?> deadline;

	/** Whether a body is arriving, since when its head arrived, and how much of it. */
	private boolean bodyPending;

	private long bodyStartedNanos;

	private long bodyBytes;

	private ScheduledFuture<?> bodyTimer;

	/** Whether an answer to the request being read has started. */
	private boolean answerStarted;

	/** Whether the next bytes to arrive start a request head (and not a body). */
	private boolean betweenRequests = true;

	/**
	 * Whether a head has started arriving and has not been decoded yet, and since when.
	 */
	private boolean headPending;

	private long headStartedNanos;

	/**
	 * The request whose body is being read, to describe it if the body turns out
	 * malformed.
	 */
	private String method;

	private String uri;

	/**
	 * Set once a problem has been answered: whatever else arrives is dropped while the
	 * connection closes.
	 */
	private boolean refused;

	RequestReadGuard(long maxHeadBytes, Duration timeout, RequestBodyDeadline bodyDeadline) {
		this.maxHeadBytes = maxHeadBytes;
		this.timeout = timeout;
		this.bodyDeadline = bodyDeadline;
	}

	/**
	 * Around the connection's HTTP/1.1 codec. Over TLS with HTTP/2 offered, ALPN picks
	 * the codec only once the handshake is done, so the guard waits for it there; an
	 * HTTP/2 connection gets none, its limits being HTTP/2's own settings (header list
	 * size, streams) and the idle timeout.
	 */
	void install(ChannelPipeline pipeline) {
		if (pipeline.get(NettyPipeline.HttpCodec) != null) {
			pipeline.addBefore(NettyPipeline.HttpCodec, "stackbench.requestHeadDeadline", new Deadline());
			pipeline.addAfter(NettyPipeline.HttpCodec, "stackbench.requestHeadCheck", new Check());
		}
		else if (pipeline.get(NettyPipeline.H2OrHttp11Codec) != null) {
			pipeline.addAfter(NettyPipeline.H2OrHttp11Codec, "stackbench.requestReadGuardAfterAlpn", new AfterAlpn());
		}
	}

	/**
	 * After the ALPN handler, which has set up the chosen protocol's codec by the time
	 * the handshake's completion passes on to here.
	 */
	private final class AfterAlpn extends ChannelInboundHandlerAdapter {

		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
			if (event instanceof SslHandshakeCompletionEvent) {
				ChannelPipeline pipeline = ctx.pipeline();
				pipeline.remove(this);
				install(pipeline);
			}
			super.userEventTriggered(ctx, event);
		}

	}

	/**
	 * Before the codec: sees raw bytes, so it knows when a head starts arriving. Nearly
	 * every head arrives whole in the read that starts it, so the timer is armed only
	 * when a read ends with the head still incomplete: a timer set and cancelled for
	 * every request would cost the event loop more than the rest of this guard.
	 */
	private final class Deadline extends ChannelInboundHandlerAdapter {

		@Override
		public void channelActive(ChannelHandlerContext ctx) throws Exception {
			armDeadline(ctx, System.nanoTime());
			super.channelActive(ctx);
		}

		/** Added after the TLS handshake, on a connection already active. */
		@Override
		public void handlerAdded(ChannelHandlerContext ctx) {
			if (ctx.channel().isActive()) {
				armDeadline(ctx, System.nanoTime());
			}
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (RequestReadGuard.this.betweenRequests) {
				RequestReadGuard.this.betweenRequests = false;
				RequestReadGuard.this.headStartedNanos = System.nanoTime();
				RequestReadGuard.this.headPending = true;
			}
			super.channelRead(ctx, msg);
		}

		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
			if (RequestReadGuard.this.headPending && RequestReadGuard.this.deadline == null) {
				armDeadline(ctx, RequestReadGuard.this.headStartedNanos);
			}
			super.channelReadComplete(ctx);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) throws Exception {
			cancelDeadline();
			cancelBodyTimer();
			super.channelInactive(ctx);
		}

	}

	/**
	 * After the codec: sees each decoded head, so it knows when one has arrived and how
	 * large it was, each piece of its body, and the answer going out.
	 */
	private final class Check extends ChannelDuplexHandler {

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
			if (msg instanceof HttpRequest request) {
				// One read can end a body and start the next head: whatever comes after
				// this head is its body.
				RequestReadGuard.this.betweenRequests = false;
				RequestReadGuard.this.headPending = false;
				RequestReadGuard.this.method = request.method().name();
				RequestReadGuard.this.uri = request.uri();
				RequestReadGuard.this.answerStarted = false;
				cancelDeadline();
				if (isHttp2Preface(request)) {
					// A client speaking HTTP/2 without asking (prior knowledge) cannot
					// read an HTTP/1.1 answer: closed without one, as Tomcat does.
					RequestReadGuard.this.refused = true;
					ReferenceCountUtil.release(msg);
					ctx.close();
					return;
				}
				Optional<Problem> problem = problem(request);
				if (problem.isPresent()) {
					RequestReadGuard.this.refused = true;
					ReferenceCountUtil.release(msg);
					respondAndClose(ctx, problem.get());
					return;
				}
			}
			if (RequestReadGuard.this.refused) {
				ReferenceCountUtil.release(msg);
				return;
			}
			if (msg instanceof HttpContent content && content.decoderResult().isFailure()) {
				// A body the decoder cannot frame (a bad chunk size): Reactor Netty would
				// answer an empty 400.
				RequestReadGuard.this.refused = true;
				ReferenceCountUtil.release(msg);
				respondAndClose(ctx, Problem.forStatus(400, RequestReadGuard.this.method, RequestReadGuard.this.uri));
				return;
			}
			if (msg instanceof HttpRequest request && hasBody(request)) {
				RequestReadGuard.this.bodyPending = true;
				RequestReadGuard.this.bodyStartedNanos = System.nanoTime();
				RequestReadGuard.this.bodyBytes = 0;
			}
			if (msg instanceof HttpContent content) {
				RequestReadGuard.this.bodyBytes += content.content().readableBytes();
			}
			if (msg instanceof LastHttpContent) {
				RequestReadGuard.this.betweenRequests = true;
				RequestReadGuard.this.bodyPending = false;
				cancelBodyTimer();
			}
			super.channelRead(ctx, msg);
		}

		/**
		 * Nearly every body arrives whole in the read that brings its head, so its timer
		 * is armed only when a read ends with the body still incomplete, as the head's
		 * is.
		 */
		@Override
		public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
			if (RequestReadGuard.this.bodyPending && RequestReadGuard.this.bodyTimer == null) {
				armBodyTimer(ctx);
			}
			super.channelReadComplete(ctx);
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
			if (msg instanceof HttpResponse) {
				RequestReadGuard.this.answerStarted = true;
			}
			super.write(ctx, msg, promise);
		}

	}

	private static boolean hasBody(HttpRequest request) {
		return HttpUtil.getContentLength(request, 0L) > 0 || HttpUtil.isTransferEncodingChunked(request);
	}

	/**
	 * Checks the body when its deadline would be due for what has arrived so far; a body
	 * that has arrived more since is given the extra time and checked again then.
	 */
	private void armBodyTimer(ChannelHandlerContext ctx) {
		long due = this.bodyDeadline.deadlineNanos(this.bodyStartedNanos, this.bodyBytes);
		this.bodyTimer = ctx.executor().schedule(() -> {
			this.bodyTimer = null;
			if (!this.bodyPending) {
				return;
			}
			if (System.nanoTime() - this.bodyDeadline.deadlineNanos(this.bodyStartedNanos, this.bodyBytes) < 0) {
				armBodyTimer(ctx);
			}
			else if (this.answerStarted) {
				ctx.channel().close();
			}
			else {
				this.refused = true;
				respondAndClose(ctx, Problem.forStatus(408, this.method, new QueryStringDecoder(this.uri).rawPath()));
			}
		}, due - System.nanoTime(), TimeUnit.NANOSECONDS);
	}

	private void cancelBodyTimer() {
		if (this.bodyTimer != null) {
			this.bodyTimer.cancel(false);
			this.bodyTimer = null;
		}
	}

	/**
	 * Closes the connection unless a head has arrived {@code timeout} after
	 * {@code startedNanos}.
	 */
	private void armDeadline(ChannelHandlerContext ctx, long startedNanos) {
		cancelDeadline();
		long remaining = startedNanos + this.timeout.toNanos() - System.nanoTime();
		this.deadline = ctx.executor().schedule(() -> ctx.channel().close(), remaining, TimeUnit.NANOSECONDS);
	}

	private void cancelDeadline() {
		if (this.deadline != null) {
			this.deadline.cancel(false);
			this.deadline = null;
		}
	}

	private Optional<Problem> problem(HttpRequest request) {
		DecoderResult result = request.decoderResult();
		if (result.isFailure()) {
			return Optional.of(switch (result.cause()) {
				case TooLongHttpLineException ex -> RequestHead.lineTooLong(this.maxHeadBytes);
				case TooLongHttpHeaderException ex -> RequestHead.headerFieldsTooLarge(this.maxHeadBytes);
				// Tomcat reads such a head in full and then refuses it as a bad request,
				// naming it.
				default -> (request.headers().getAll(HttpHeaderNames.CONTENT_LENGTH).size() > 1)
						? Problem.forStatus(400, request.method().name(), request.uri()) : RequestHead.malformed();
			});
		}
		HttpVersion version = request.protocolVersion();
		// Netty reads the head as ISO-8859-1, so a raw UTF-8 byte in the target (which
		// RFC 9112 and Tomcat allow only percent-encoded) shows as a char above 0x7F.
		if ((!version.equals(HttpVersion.HTTP_1_1) && !version.equals(HttpVersion.HTTP_1_0))
				|| !isAscii(request.uri())) {
			return Optional.of(RequestHead.malformed());
		}
		HttpHeaders headers = request.headers();
		// Rules Tomcat's parser enforces and Netty's decoder does not: Host exactly once
		// in HTTP/1.1 (RFC 9112), and a bounded number of header fields.
		boolean oneHost = hosts(headers) == 1;
		if ((version.equals(HttpVersion.HTTP_1_1) && !oneHost) || headers.size() > RequestHead.MAX_HEADER_FIELDS) {
			return Optional.of(Problem.forStatus(400, request.method().name(), request.uri()));
		}
		long headBytes = RequestHead.bytes(request.method().name(), request.uri(), version.text(), headers);
		return (headBytes > this.maxHeadBytes) ? Optional.of(RequestHead.headerFieldsTooLarge(this.maxHeadBytes))
				: Optional.empty();
	}

	/** How many Host fields the head has, counted without copying them into a list. */
	private static int hosts(HttpHeaders headers) {
		int hosts = 0;
		Iterator<String> values = headers.valueStringIterator(HttpHeaderNames.HOST);
		while (values.hasNext() && hosts < 2) {
			values.next();
			hosts++;
		}
		return hosts;
	}

	private static boolean isHttp2Preface(HttpRequest request) {
		return request.method().name().equals("PRI") && request.uri().equals("*")
				&& request.protocolVersion().text().equals("HTTP/2.0");
	}

	/** A loop rather than a stream: it runs on every request. */
	private static boolean isAscii(String target) {
		for (int index = 0; index < target.length(); index++) {
			if (target.charAt(index) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static void respondAndClose(ChannelHandlerContext ctx, Problem problem) {
		ctx.writeAndFlush(ProblemWriter.closing(problem)).addListener(ChannelFutureListener.CLOSE);
	}

}
