package dev.stackbench.workload.cgi;

import java.util.List;
import java.util.Map;

import dev.stackbench.workload.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CgiRequestTests {

	static CgiRequest request(String rawPath, String rawQuery, List<Map.Entry<String, String>> headers) {
		return new CgiRequest("POST", rawPath, rawQuery, "HTTP/1.1", "Example.org:8081", 9999, "127.0.0.1", headers, 5);
	}

	@Test
	void metaVariablesFollowRfc3875() {
		CgiRequest request = request("/api/cgi/env.cgi/a%20b/c", "x=1&y=%41",
				List.of(Map.entry("Host", "Example.org:8081"), Map.entry("Content-Type", "text/plain"),
						Map.entry("Content-Length", "5"), Map.entry("Accept", "a"), Map.entry("accept", "b"),
						Map.entry("X-Forwarded-For", "10.0.0.1")));
		assertThat(request.metaVariables())
			.containsExactlyInAnyOrderEntriesOf(Map.ofEntries(Map.entry("GATEWAY_INTERFACE", "CGI/1.1"),
					Map.entry("SERVER_SOFTWARE", "stackbench"), Map.entry("SERVER_PROTOCOL", "HTTP/1.1"),
					Map.entry("SERVER_NAME", "example.org"), Map.entry("SERVER_PORT", "8081"),
					Map.entry("REQUEST_METHOD", "POST"), Map.entry("SCRIPT_NAME", "/api/cgi/env.cgi"),
					Map.entry("PATH_INFO", "/a b/c"), Map.entry("QUERY_STRING", "x=1&y=%41"),
					Map.entry("REMOTE_ADDR", "127.0.0.1"), Map.entry("REMOTE_HOST", "127.0.0.1"),
					Map.entry("CONTENT_LENGTH", "5"), Map.entry("CONTENT_TYPE", "text/plain"),
					Map.entry("HTTP_HOST", "Example.org:8081"), Map.entry("HTTP_ACCEPT", "a, b"),
					Map.entry("HTTP_X_FORWARDED_FOR", "10.0.0.1"), Map.entry("PATH", CgiRequest.PATH)));
	}

	@Test
	void credentialsProxyAndAmbiguousNamesAreWithheld() {
		CgiRequest request = request("/api/cgi/env.cgi", null,
				List.of(Map.entry("Authorization", "Basic eDp5"), Map.entry("Proxy", "http://evil:3128"),
						Map.entry("Proxy-Authorization", "x"), Map.entry("X_Smuggled", "1")));
		assertThat(request.metaVariables()).doesNotContainKeys("HTTP_AUTHORIZATION", "HTTP_PROXY",
				"HTTP_PROXY_AUTHORIZATION", "HTTP_X_SMUGGLED", "PATH_INFO");
		assertThat(request.metaVariables()).containsEntry("QUERY_STRING", "");
	}

	@Test
	void hostWithoutPortFallsBackToTheLocalPort() {
		CgiRequest request = new CgiRequest("GET", "/api/cgi/env.cgi", null, "HTTP/1.1", "[::1]", 8080, "::1",
				List.of(), 0);
		assertThat(request.metaVariables()).containsEntry("SERVER_NAME", "[::1]")
			.containsEntry("SERVER_PORT", "8080")
			.doesNotContainKey("CONTENT_LENGTH");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/cgi/", "/api/cgi/env", "/api/cgi/.env.cgi", "/api/cgi/..", "/api/cgi/../x.cgi",
			"/api/cgi/%2e%2e", "/api/cgi/env.cgi.bak", "/api/cgi/ENV.CGI", "/api/cgi/a.b.cgi", "/api/cgi/env%2ecgi",
			"/api/cgi/-x.cgi", "/api/other/env.cgi" })
	void onlyStrictScriptNamesAreAccepted(String rawPath) {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> request(rawPath, null, List.of()).scriptName())
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(404));
	}

}
