package dev.stackbench.contract;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.netty.handler.codec.http2.Http2Error;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One bad request sent over HTTP/2, and what each stack answers it with. Most are
 * {@link BadRequest}'s cases field for field, answered with the same problem document as
 * over HTTP/1.1. The rest are where HTTP/2 differs: it forbids some fields outright (RFC
 * 9113 section 8.2), and it limits the field list (SETTINGS_MAX_HEADER_LIST_SIZE) in its
 * own layer, before any application code runs.
 *
 * @param fields the request's fields, in order
 * @param servlet what the servlet app answers
 * @param reactive what the reactive app answers
 */
record Http2BadRequest(String description, String method, String path, List<Map.Entry<String, String>> fields,
		byte[] body, Expected servlet, Expected reactive) {

	Expected expected(ServingModel model) {
		return "servlet".equals(model.stack()) ? this.servlet : this.reactive;
	}

	@Override
	public String toString() {
		String path = (this.path.length() > 80) ? this.path.substring(0, 80) + "..." : this.path;
		return (this.description + ": " + this.method + " " + path).replaceAll("\\p{Cntrl}", "?");
	}

	static Stream<Http2BadRequest> all() {
		return Stream.concat(BadRequest.all().filter((request) -> request.rawHead() == null).map(Http2BadRequest::of),
				http2Only());
	}

	/**
	 * An HTTP/1.1 case, its field names in lower case as HTTP/2 requires, answered as
	 * over HTTP/1.1 unless HTTP/2's own layer stops it first:
	 * <ul>
	 * <li>{@code Transfer-Encoding} is forbidden in HTTP/2 (RFC 9113 8.2.2): both reset
	 * the stream;</li>
	 * <li>a field list over the limit never reaches the app: Tomcat resets with
	 * ENHANCE_YOUR_CALM whatever the excess, Netty resets far over it and answers an
	 * empty 431 just over it (the HPACK decoder stops reading at twice the limit);</li>
	 * <li>Reactor Netty's HTTP/2 limits the field list's size, not its count, so 150
	 * small fields are served there while Tomcat resets.</li>
	 * </ul>
	 */
	private static Http2BadRequest of(BadRequest request) {
		List<Map.Entry<String, String>> fields = request.headers()
			.entrySet()
			.stream()
			.map((field) -> Map.entry(field.getKey().toLowerCase(Locale.ROOT), field.getValue()))
			.toList();
		Expected same = new Expected.Problem(request);
		// Tomcat resets the stream and keeps the connection; once in hundreds of runs
		// here the client saw the connection end without that reset. Why is not known:
		// Tomcat 11.0.24's source takes this path to a stream reset only, but closes
		// any connection without draining what the client sent (a TCP reset can then
		// take frames already sent), and the client's own codec may close it. Either
		// way the request is refused, never served.
		Expected calm = new Expected.EitherOf(new Expected.Reset(Http2Error.ENHANCE_YOUR_CALM), new Expected.Closed());
		Expected protocolError = new Expected.Reset(Http2Error.PROTOCOL_ERROR);
		Expected[] answers = switch (request.description()) {
			case "chunked body over 64 KiB", "bad chunk size" -> new Expected[] { protocolError, protocolError };
			case "query over the head limit", "header over the head limit" -> new Expected[] { calm, protocolError };
			case "line and header over the limit together" -> new Expected[] { calm, new Expected.EmptyAnswer(431) };
			case "more than 100 header fields" -> new Expected[] { calm, new Expected.Served() };
			default -> new Expected[] { same, same };
		};
		return new Http2BadRequest(request.description(), request.method(), request.target(), fields, request.body(),
				answers[0], answers[1]);
	}

	/**
	 * HTTP/1.1's raw-head cases, as far as HTTP/2's framing can carry them (a garbled
	 * request line or an unknown version cannot be said in HTTP/2 at all). Field names
	 * and values HTTP/2 forbids reset the stream on both (RFC 9113 8.2.1, 8.2.2). A raw
	 * byte over 0x7F in the path: Tomcat's HTTP/2 layer answers an empty 400, the
	 * reactive app the same problem document as for any malformed target. Two
	 * content-lengths: Tomcat closes the connection, Netty resets the stream.
	 */
	private static Stream<Http2BadRequest> http2Only() {
		Expected reset = new Expected.Reset(Http2Error.PROTOCOL_ERROR);
		String utf8Path = "/api/h\u00c3\u00a9llo";
		return Stream
			.of(new Http2BadRequest("space in a field name", "GET", "/api/hello", List.of(Map.entry("bad name", "x")),
					null, reset, reset),
					new Http2BadRequest("upper case in a field name", "GET", "/api/hello",
							List.of(Map.entry("X-A", "x")), null, reset, reset),
					new Http2BadRequest("NUL in a field value", "GET", "/api/hello", List.of(Map.entry("x-a", "a\0b")),
							null, reset, reset),
					new Http2BadRequest("connection-specific field", "GET", "/api/hello",
							List.of(Map.entry("connection", "keep-alive")), null, reset, reset),
					new Http2BadRequest("raw UTF-8 in the path", "GET", utf8Path, List.of(), null,
							new Expected.EmptyAnswer(400),
							new Expected.Problem(new BadRequest("raw UTF-8 in the path", "GET", utf8Path, Map.of(),
									null, 400, "bad-request", "Bad request", "Malformed request GET " + utf8Path))),
					new Http2BadRequest("two content-lengths", "POST", "/api/echo",
							List.of(Map.entry("content-type", "application/json"), Map.entry("content-length", "2"),
									Map.entry("content-length", "3")),
							"{}".getBytes(StandardCharsets.US_ASCII),
							new Expected.EitherOf(new Expected.Refused(),
									new Expected.Problem(new BadRequest("two content-lengths", "POST", "/api/echo",
											Map.of(), null, 400, "bad-request", "Bad request",
											"Malformed request POST /api/echo"))),
							new Expected.Reset(Http2Error.CANCEL)));
	}

	/** What a stack answers. */
	sealed interface Expected {

		void assertMatches(RawHttp2.Answer answer);

		/** The same problem document as over HTTP/1.1. */
		record Problem(BadRequest request) implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(this.request.status());
				assertThat(answer.header("content-type")).isEqualTo("application/problem+json");
				assertThat(answer.body()).isEqualTo(this.request.expectedBody());
			}

		}

		/** The stream reset with this error code, no answer. */
		record Reset(Http2Error code) implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isZero();
				assertThat(answer.reset()).as(answer.toString()).isEqualTo(this.code);
			}

		}

		/**
		 * One of two outcomes, where the server itself races between them.
		 */
		record EitherOf(Expected first, Expected second) implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				try {
					this.first.assertMatches(answer);
				}
				catch (AssertionError notFirst) {
					this.second.assertMatches(answer);
				}
			}

		}

		/** No answer: the stream reset, whatever its code, or the connection closed. */
		record Refused() implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isZero();
			}

		}

		/** The connection closed with neither an answer nor a reset. */
		record Closed() implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isZero();
				assertThat(answer.reset()).as(answer.toString()).isNull();
			}

		}

		/** Served as a good request. */
		record Served() implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
			}

		}

		/** The HTTP/2 layer's own status with an empty body, then the stream reset. */
		record EmptyAnswer(int status) implements Expected {

			@Override
			public void assertMatches(RawHttp2.Answer answer) {
				assertThat(answer.status()).as(answer.toString()).isEqualTo(this.status);
				assertThat(answer.body()).isEmpty();
			}

		}

	}

}
