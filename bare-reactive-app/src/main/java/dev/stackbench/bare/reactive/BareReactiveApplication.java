package dev.stackbench.bare.reactive;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * WebFlux on Reactor Netty as a team would start it, with nothing of stackbench's: the
 * plain and the JSON page from one controller written as the reactive app's are (a
 * {@code Mono} of the answer), the same bytes as the stackbench apps answer. The
 * comparison's overhead scenario sets the reactive app against it, so that what
 * stackbench adds per request (its filters, headers, metrics, guards) is measured rather
 * than assumed.
 */
@SpringBootApplication
public class BareReactiveApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareReactiveApplication.class, args);
	}

	@RestController
	static class PagesController {

		private static final Document DOCUMENT = new Document("stackbench",
				"Spring MVC on Tomcat or WebFlux on Reactor Netty?", List.of("servlet", "reactive"), 1);

		@GetMapping(path = "/api/hello", produces = MediaType.TEXT_PLAIN_VALUE)
		Mono<String> hello() {
			return Mono.just("Hello World");
		}

		@GetMapping(path = "/api/json", produces = MediaType.APPLICATION_JSON_VALUE)
		Mono<Document> json() {
			return Mono.just(DOCUMENT);
		}

	}

	record Document(String project, String question, List<String> stacks, int version) {
	}

}
