package dev.stackbench.contract;

import java.net.URI;
import java.time.Duration;

import dev.stackbench.workload.Api;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** CGI programs (RFC 3875) from the project's cgi-bin. */
interface CgiContract extends ContractContext {

	@Test
	default void cgiHelloAnswersWhatTheProgramWrote() {
		client().get()
			.uri("/api/cgi/hello.cgi")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/plain")
			.expectHeader()
			.valueEquals(Api.STACK_HEADER, servingModel().stack())
			.expectHeader()
			.doesNotExist("Content-Disposition")
			.expectBody(String.class)
			.isEqualTo("Hello from CGI\n");
	}

	@Test
	default void cgiEnvSeesTheRfc3875MetaVariablesAndNothingElse() {
		String env = client().post()
			.uri(URI.create(baseUrl() + "/api/cgi/env.cgi/some%20where?a=1&b=%41"))
			.header("X-Test", "yes")
			.header("Proxy", "http://attacker:3128")
			.header("Authorization", "Basic c2VjcmV0")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("four")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(env).contains("GATEWAY_INTERFACE=CGI/1.1\n", "SERVER_PROTOCOL=" + transport().protocol() + "\n",
				"SERVER_NAME=localhost\n", "SERVER_PORT=" + port() + "\n", "REQUEST_METHOD=POST\n",
				"SCRIPT_NAME=/api/cgi/env.cgi\n", "PATH_INFO=/some where\n", "QUERY_STRING=a=1&b=%41\n",
				"REMOTE_ADDR=127.0.0.1\n", "CONTENT_LENGTH=4\n", "CONTENT_TYPE=text/plain\n", "HTTP_X_TEST=yes\n",
				"HTTP_HOST=localhost:" + port() + "\n", "PATH=/usr/local/bin:/usr/bin:/bin\n");
		assertThat(env).doesNotContain("HTTP_PROXY", "HTTP_AUTHORIZATION", "c2VjcmV0", "HOME=", "JAVA", "USER=");
	}

	@Test
	default void cgiSlowWaitsAndAProgramsOwnStatusPassesThrough() {
		long start = System.nanoTime();
		client().get()
			.uri("/api/cgi/slow.cgi?delay=300")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.isEqualTo("slow page after 300 ms\n");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
		client().get()
			.uri("/api/cgi/slow.cgi?delay=x")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("text/plain")
			.expectBody(String.class)
			.isEqualTo("delay must be a whole number from 0 to 30000\n");
	}

}
