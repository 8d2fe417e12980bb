package dev.stackbench.workload;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemTests {

	@ParameterizedTest
	@CsvSource({ "404, NOT_FOUND", "405, METHOD_NOT_ALLOWED", "406, NOT_ACCEPTABLE", "408, REQUEST_TIMEOUT",
			"413, PAYLOAD_TOO_LARGE", "415, UNSUPPORTED_MEDIA_TYPE", "400, BAD_REQUEST", "431, BAD_REQUEST",
			"500, INTERNAL_ERROR", "503, INTERNAL_ERROR" })
	void mapsEveryFrameworkStatusOntoAProblemType(int status, ProblemType expected) {
		Problem problem = Problem.forStatus(status, "GET", "/x");
		assertThat(problem.type()).isEqualTo(expected.type());
		assertThat(problem.title()).isEqualTo(expected.title());
		assertThat(problem.status()).isEqualTo(expected.status());
	}

	@Test
	void describesTheRequestNotTheException() {
		assertThat(Problem.forStatus(404, "GET", "/api/nope")).isEqualTo(new Problem(
				URI.create("urn:stackbench:problem:not-found"), "Not found", 404, "No endpoint answers GET /api/nope"));
	}

	@Test
	void quotesOnlyTheStartOfALongPath() {
		String detail = Problem.forStatus(404, "GET", "/" + "a".repeat(10_000)).detail();
		assertThat(detail).hasSizeLessThan(300).endsWith("...");
	}

	@Test
	void writesItselfAsJsonInFieldOrderWithEscaping() {
		Problem problem = Problem.forStatus(404, "GET", "/a\"b\\c\u0001\u00e9");
		assertThat(new String(problem.toJson(), StandardCharsets.UTF_8))
			.isEqualTo("{\"type\":\"urn:stackbench:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
					+ "\"detail\":\"No endpoint answers GET /a\\\"b\\\\c\\u0001\u00e9\"}");
	}

}
