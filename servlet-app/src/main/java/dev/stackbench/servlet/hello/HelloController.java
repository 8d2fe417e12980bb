package dev.stackbench.servlet.hello;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Hello;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class HelloController {

	@GetMapping(path = Api.HELLO, produces = MediaType.TEXT_PLAIN_VALUE)
	String hello() {
		return Hello.TEXT;
	}

}
