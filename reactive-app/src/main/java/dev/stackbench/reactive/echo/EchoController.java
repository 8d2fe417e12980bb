package dev.stackbench.reactive.echo;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EchoController {

	/** Joins the body's buffers up to the limit and no further, so it is never buffered unbounded. */
	@PostMapping(Api.ECHO)
	Mono<ResponseEntity<byte[]>> echo(ServerHttpRequest request) {
		Echo.requireJsonContentType(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		Echo.requireDeclaredLengthWithinLimit(request.getHeaders().getContentLength());
		return DataBufferUtils.join(request.getBody(), Echo.MAX_BYTES)
			.onErrorMap(DataBufferLimitException.class, (ex) -> Echo.tooLarge())
			.map(EchoController::bytes)
			.defaultIfEmpty(new byte[0])
			.map((body) -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Echo.requireWellFormed(body)));
	}

	private static byte[] bytes(DataBuffer buffer) {
		try {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			return bytes;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

}
