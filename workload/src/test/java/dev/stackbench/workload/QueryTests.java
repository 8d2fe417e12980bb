package dev.stackbench.workload;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class QueryTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "other=1", "&&", "nx=3" })
	void absentParameterTakesTheDefault(String rawQuery) {
		assertThat(Query.parse(rawQuery).wholeNumber("n", 7, 0, 10)).isEqualTo(7);
		assertThat(Query.parse(null).wholeNumber("n", 7, 0, 10)).isEqualTo(7);
	}

	@ParameterizedTest
	@ValueSource(strings = { "n=0", "n=10", "n=5", "n=007", "other=x&n=5", "%6E=5", "n=%35" })
	void acceptsWholeNumbersInRange(String rawQuery) {
		assertThat(Query.parse(rawQuery).wholeNumber("n", 7, 0, 10)).isBetween(0L, 10L);
	}

	@Test
	void decodesNamesAndValues() {
		assertThat(Query.parse("%6E=%31%30").wholeNumber("n", 7, 0, 10)).isEqualTo(10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "n=-1", "n=11", "n=", "n", "n=+5", "n=%205", "n=5%20", "n=1.5", "n=1e3", "n=abc", "n=0x10",
			"n=9223372036854775808", "n=99999999999999999999999", "n=%EF%BC%95", "n=%00", "n=5%00" })
	void rejectsAnythingElseAsABadParameter(String rawQuery) {
		Query query = Query.parse(rawQuery);
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> query.wholeNumber("n", 7, 0, 10))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(
					Problem.of(ProblemType.BAD_PARAMETER, "Query parameter 'n' must be a whole number from 0 to 10")));
	}

	@Test
	void rejectsARepeatedParameterEvenWhenBothValuesAreValid() {
		Query query = Query.parse("n=1&n=1");
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> query.wholeNumber("n", 7, 0, 10))
			.satisfies((ex) -> assertThat(ex.problem().detail())
				.isEqualTo("Query parameter 'n' must be given at most once"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "n=%ZZ", "n=%", "n=5%", "%=1", "other=%G0" })
	void rejectsMalformedPercentEncodingAnywhereInTheQuery(String rawQuery) {
		assertThatExceptionOfType(ProblemException.class).isThrownBy(() -> Query.parse(rawQuery))
			.satisfies((ex) -> assertThat(ex.problem())
				.isEqualTo(Problem.of(ProblemType.BAD_PARAMETER, "The query string is not valid percent-encoding")));
	}

}
