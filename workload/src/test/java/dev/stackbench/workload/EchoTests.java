package dev.stackbench.workload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class EchoTests {

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
			"application/merge-patch+json" })
	void acceptsJsonContentTypes(String contentType) {
		assertThatNoException().isThrownBy(() -> Echo.requireJsonContentType(contentType));
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/xml", "application/jsonp", "", "json" })
	void rejectsOtherContentTypes(String contentType) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Echo.requireJsonContentType(contentType))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(415));
	}

	@Test
	void rejectsAMissingContentType() {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Echo.requireJsonContentType(null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "[]", "0", "\"text\"", "null", " {\"a\":[1,2,{\"b\":null}]} \n" })
	void returnsWellFormedJsonUnchanged(String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		assertThat(Echo.requireWellFormed(body)).isSameAs(body);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "{", "{\"a\":}", "{} {}", "[1,]", "nul", "{'a':1}", "\u0000" })
	void rejectsMalformedJson(String json) {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Echo.requireWellFormed(json.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.problem().type()).isEqualTo(ProblemType.MALFORMED_JSON.type()));
	}

	@Test
	void rejectsInvalidUtf8() {
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Echo.requireWellFormed(new byte[] { '"', (byte) 0xC3, (byte) 0x28, '"' }));
	}

	@Test
	void boundsNesting() {
		String deepest = "[".repeat(Echo.MAX_NESTING_DEPTH) + "]".repeat(Echo.MAX_NESTING_DEPTH);
		assertThatNoException().isThrownBy(() -> Echo.requireWellFormed(deepest.getBytes(StandardCharsets.UTF_8)));
		String tooDeep = "[" + deepest + "]";
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Echo.requireWellFormed(tooDeep.getBytes(StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.problem().detail()).isEqualTo("The body nests deeper than 64 levels"));
	}

	@Test
	void readsABodyUpToTheLimit() throws IOException {
		byte[] atLimit = new byte[Echo.MAX_BYTES];
		assertThat(Echo.readWithinLimit(new ByteArrayInputStream(atLimit))).hasSize(Echo.MAX_BYTES);
	}

	@Test
	void stopsReadingOneByteOverTheLimit() {
		byte[] overLimit = new byte[Echo.MAX_BYTES + 1];
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Echo.readWithinLimit(new ByteArrayInputStream(overLimit)))
			.satisfies((ex) -> assertThat(ex.problem().status()).isEqualTo(413));
	}

	@Test
	void rejectsADeclaredLengthOverTheLimit() {
		assertThatNoException().isThrownBy(() -> Echo.requireDeclaredLengthWithinLimit(-1));
		assertThatNoException().isThrownBy(() -> Echo.requireDeclaredLengthWithinLimit(Echo.MAX_BYTES));
		assertThatExceptionOfType(ProblemException.class)
			.isThrownBy(() -> Echo.requireDeclaredLengthWithinLimit(Echo.MAX_BYTES + 1L));
	}

}
