package dev.stackbench.bare.servlet;

import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring MVC on Tomcat as a team would start it, with nothing of stackbench's: the plain
 * and the JSON page from one controller, the same bytes as the stackbench apps answer.
 * The comparison's overhead scenario sets the servlet app against it, so that what
 * stackbench adds per request (its filters, headers, metrics, guards) is measured rather
 * than assumed.
 */
@SpringBootApplication
public class BareServletApplication {

	public static void main(String[] args) {
		SpringApplication.run(BareServletApplication.class, args);
	}

	@RestController
	static class PagesController {

		private static final Document DOCUMENT = new Document("stackbench",
				"Spring MVC on Tomcat or WebFlux on Reactor Netty?", List.of("servlet", "reactive"), 1);

		@GetMapping(path = "/api/hello", produces = MediaType.TEXT_PLAIN_VALUE)
		String hello() {
			return "Hello World";
		}

		@GetMapping(path = "/api/json", produces = MediaType.APPLICATION_JSON_VALUE)
		Document json() {
			return DOCUMENT;
		}

	}

	record Document(String project, String question, List<String> stacks, int version) {
	}

}
