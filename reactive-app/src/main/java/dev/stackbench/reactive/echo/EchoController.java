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
	 * Checks in the servlet app's order (content type, size, syntax) once the body has
	 * been read.
	 */
	@PostMapping(Api.ECHO)
	Mono<ResponseEntity<byte[]>> echo(ServerHttpRequest request) {
		return BoundedBody.read(request.getBody()).map((body) -> {
			Echo.requireJsonContentType(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
			byte[] json = Echo.requireWellFormed(body.requireWithinLimit());
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
		});
	}

}
