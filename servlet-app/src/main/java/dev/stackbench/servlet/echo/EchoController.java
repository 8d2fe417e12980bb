package dev.stackbench.servlet.echo;

import java.io.IOException;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class EchoController {

	/**
	 * Reads the body itself rather than through a message converter, so that it is never
	 * buffered unbounded.
	 */
	@PostMapping(Api.ECHO)
	ResponseEntity<byte[]> echo(HttpServletRequest request) throws IOException {
		Echo.requireJsonContentType(request.getContentType());
		Echo.requireDeclaredLengthWithinLimit(request.getContentLengthLong());
		byte[] body = Echo.requireWellFormed(Echo.readWithinLimit(request.getInputStream()));
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
	}

}
