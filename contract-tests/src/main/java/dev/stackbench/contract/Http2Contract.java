package dev.stackbench.contract;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input over HTTP/2. Every case HTTP/1.1 answers with a problem document is sent
 * again as an HTTP/2 request, field by field; where HTTP/2 itself forbids what the
 * request carries, or limits its field list, the server's HTTP/2 layer answers before the
 * app sees it, and the expectation says what each stack then does
 * ({@link Http2BadRequest}).
 */
interface Http2Contract extends ContractContext {

	/** One request on a new HTTP/2 connection, sent exactly as given. */
	RawHttp2.Answer exchangeOverHttp2(String method, String path, List<Map.Entry<String, String>> fields, byte[] body)
			throws IOException;

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.stackbench.contract.Http2BadRequest#all")
	default void badInputOverHttp2GetsWhatItsCaseSays(Http2BadRequest request) throws IOException {
		RawHttp2.Answer answer = exchangeOverHttp2(request.method(), request.path(), request.fields(), request.body());
		request.expected(servingModel()).assertMatches(answer);
	}

}
