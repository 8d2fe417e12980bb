package dev.stackbench.reactive.system;

import java.io.ByteArrayOutputStream;

import dev.stackbench.workload.Echo;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * A request body read in full but kept only up to {@link Echo#MAX_BYTES}, the way Tomcat
 * swallows what a servlet leaves unread. A server that answers before reading the body
 * and closes with the bytes still unread makes the kernel reset the connection, and the
 * client may lose the answer; reading it first keeps the stacks alike.
 */
public final class BoundedBody {

	/**
	 * Beyond this much the body is no longer read: the connection closes, as with
	 * Tomcat's max-swallow-size.
	 */
	private static final long SWALLOW_LIMIT = 2 * 1024 * 1024;

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private long length;

	private BoundedBody() {
	}

	/**
	 * Reads the request's body; a declared length over the limit is refused before any of
	 * it is read, as on the servlet app.
	 */
	public static Mono<BoundedBody> read(ServerHttpRequest request) {
		Echo.requireDeclaredLengthWithinLimit(request.getHeaders().getContentLength());
		BoundedBody bounded = new BoundedBody();
		return request.getBody()
			.doOnNext(bounded::append)
			.takeUntil((buffer) -> bounded.length > SWALLOW_LIMIT)
			.then(Mono.just(bounded));
	}

	private void append(DataBuffer buffer) {
		try {
			int readable = buffer.readableByteCount();
			int keep = (int) Math.max(0, Math.min(readable, Echo.MAX_BYTES - this.length));
			byte[] bytes = new byte[keep];
			buffer.read(bytes);
			this.kept.writeBytes(bytes);
			this.length += readable;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	/**
	 * @return the whole body, once it is known to fit the limit
	 */
	public byte[] requireWithinLimit() {
		if (this.length > Echo.MAX_BYTES) {
			throw Echo.tooLarge();
		}
		return this.kept.toByteArray();
	}

}
