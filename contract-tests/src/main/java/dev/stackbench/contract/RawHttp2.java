package dev.stackbench.contract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

/**
 * A minimal HTTP/2 client over TLS that sends exactly the pseudo-headers, fields and body
 * it is given, with the codec's header checks off: the HTTP/2 counterpart of
 * {@link RawHttp}, for requests a well-behaved client refuses to send (a space in a field
 * name, a connection-specific field, a field list over the server's limit).
 */
final class RawHttp2 {

	private static final long TIMEOUT_SECONDS = 20;

	private static final EventLoopGroup LOOP = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());

	private RawHttp2() {
	}

	/**
	 * What came back on the request's stream: an answer, a reset of the stream, or the
	 * connection closed (by a GOAWAY or not) without either.
	 *
	 * @param status the answer's status, 0 for none
	 * @param headers the answer's fields, names in lower case
	 * @param body the answer's body
	 * @param reset the reset's error code (RST_STREAM or GOAWAY), or null for none: with
	 * no status either, the connection closed without a word
	 */
	record Answer(int status, Map<String, String> headers, String body, Http2Error reset) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		@Override
		public String toString() {
			if (this.status != 0) {
				return this.status + " " + this.headers.get("content-type") + " " + this.body;
			}
			return (this.reset != null) ? "reset " + this.reset : "closed without an answer";
		}

	}

	/**
	 * One request on a new connection.
	 * @param fields the request's fields in order, any names and values at all
	 */
	static Answer exchange(int port, SslContext tls, String method, String path, List<Map.Entry<String, String>> fields,
			byte[] body) throws IOException {
		CompletableFuture<Answer> answer = new CompletableFuture<>();
		Channel connection = new Bootstrap().group(LOOP)
			.channel(NioSocketChannel.class)
			.handler(new ChannelInitializer<SocketChannel>() {
				@Override
				protected void initChannel(SocketChannel channel) {
					channel.pipeline()
						.addLast(tls.newHandler(channel.alloc(), "localhost", port),
								Http2FrameCodecBuilder.forClient()
									.validateHeaders(false)
									.encoderIgnoreMaxHeaderListSize(true)
									.build(),
								new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()),
								new ConnectionEnd(answer));
				}
			})
			.connect("localhost", port)
			.syncUninterruptibly()
			.channel();
		try {
			connection.pipeline().get(SslHandler.class).handshakeFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Http2StreamChannel stream = new Http2StreamChannelBootstrap(connection).handler(new StreamEnd(answer))
				.open()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Http2Headers headers = new DefaultHttp2Headers(false).method(method)
				.path(AsciiString.of(path))
				.scheme("https")
				.authority("localhost:" + port);
			fields.forEach((field) -> headers.add(AsciiString.of(field.getKey()), AsciiString.of(field.getValue())));
			// A write fails when the server has reset the stream already: its reset, on
			// its way, is the answer.
			ChannelFutureListener unsent = (write) -> {
				if (!write.isSuccess()) {
					LOOP.schedule(() -> answer.completeExceptionally(write.cause()), 2, TimeUnit.SECONDS);
				}
			};
			stream.writeAndFlush(new DefaultHttp2HeadersFrame(headers, body == null)).addListener(unsent);
			if (body != null) {
				stream.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true)).addListener(unsent);
			}
			return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("no HTTP/2 answer to " + method + " " + path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		finally {
			connection.close();
		}
	}

	/** Collects the request's stream: its headers, its data, or its reset. */
	private static final class StreamEnd extends ChannelInboundHandlerAdapter {

		private final CompletableFuture<Answer> answer;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private final ByteArrayOutputStream body = new ByteArrayOutputStream();

		private int status;

		StreamEnd(CompletableFuture<Answer> answer) {
			this.answer = answer;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object frame) {
			try {
				if (frame instanceof Http2HeadersFrame head) {
					head.headers().forEach((field) -> {
						if (field.getKey().charAt(0) != ':') {
							this.headers.put(field.getKey().toString().toLowerCase(Locale.ROOT),
									field.getValue().toString());
						}
					});
					if (head.headers().status() != null && this.status == 0) {
						this.status = Integer.parseInt(head.headers().status().toString());
					}
					if (head.isEndStream()) {
						finish(null);
					}
				}
				else if (frame instanceof Http2DataFrame data) {
					byte[] bytes = new byte[data.content().readableBytes()];
					data.content().readBytes(bytes);
					this.body.writeBytes(bytes);
					if (data.isEndStream()) {
						finish(null);
					}
				}
			}
			finally {
				ReferenceCountUtil.release(frame);
			}
		}

		/** A stream's reset comes as an event, not a frame read. */
		@Override
		public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
			if (event instanceof Http2ResetFrame reset) {
				finish(Http2Error.valueOf(reset.errorCode()));
			}
		}

		/** What arrived on the stream, ended by the server or by a reset (non-null). */
		private void finish(Http2Error reset) {
			this.answer
				.complete(new Answer(this.status, this.headers, this.body.toString(StandardCharsets.UTF_8), reset));
		}

	}

	/**
	 * The connection's end, for a server that closes it instead of resetting a stream.
	 */
	private static final class ConnectionEnd extends ChannelInboundHandlerAdapter {

		private final CompletableFuture<Answer> answer;

		ConnectionEnd(CompletableFuture<Answer> answer) {
			this.answer = answer;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object frame) {
			if (frame instanceof Http2GoAwayFrame goAway) {
				this.answer.complete(new Answer(0, Map.of(), "", Http2Error.valueOf(goAway.errorCode())));
			}
			ReferenceCountUtil.release(frame);
		}

		@Override
		public void channelInactive(ChannelHandlerContext ctx) {
			this.answer.complete(new Answer(0, Map.of(), "", null));
		}

		@Override
		public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
			this.answer.completeExceptionally(cause);
		}

	}

}
