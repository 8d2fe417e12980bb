package dev.stackbench.reactive.echo;

import dev.stackbench.reactive.system.BoundedBody;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EchoController {

	/**
	 * Checks in the servlet app's order: content type and declared size before the body
	 * is read, then its size and syntax.
	 */
	@PostMapping(Api.ECHO)
	Mono<ResponseEntity<byte[]>> echo(ServerHttpRequest request) {
		Echo.requireJsonContentType(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		return BoundedBody.read(request).map((body) -> {
			byte[] json = Echo.requireWellFormed(body.requireWithinLimit());
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
		});
	}

}
