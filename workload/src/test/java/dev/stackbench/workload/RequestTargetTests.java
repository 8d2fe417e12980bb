package dev.stackbench.workload;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RequestTargetTests {

	@ParameterizedTest
	@ValueSource(strings = { "/api/hello", "/", "/api/slow?delay=5", "/api/hello;x=1", "/api/a+b", "/api/%41",
			"/.well-known", "/api/hello?", "/api/x...", "/api/%C3%A9", "/api/.hidden", "/api/a.b/c.d?x=1.5&y=/.",
			"/api/x#frag" })
	void acceptsOrdinaryTargets(String target) {
		assertThat(RequestTarget.problem("GET", target)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/../etc/passwd", "/api/./hello", "/api/hello/..", "/api/%2e%2e/x", "/api/%2E%2E/x",
			"/api/.%2e/x", "/api/..;x=1/x", "/api/%2fetc", "/api/%2Fetc", "/api/%5c..", "/api/%00", "/api/%ZZ",
			"/api/%", "/api/%C0%AE%C0%AE/x", "api/hello", "/api/hello world", "/api/<x>", "/api/h\u00c3\u00a9llo",
			"/api/hello?x=\u00e9", "/api/a\tb" })
	void rejectsTraversalAndMalformedPaths(String target) {
		String path = target.split("\\?", 2)[0];
		assertThat(RequestTarget.problem("GET", target)).contains(Problem.forStatus(400, "GET", path));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/slow?delay=%ZZ", "/api/hello?x=%", "/api/hello?%G1=1" })
	void rejectsAMalformedQueryAsABadParameter(String target) {
		assertThat(RequestTarget.problem("GET", target).map(Problem::type)).contains(ProblemType.BAD_PARAMETER.type());
	}

}
