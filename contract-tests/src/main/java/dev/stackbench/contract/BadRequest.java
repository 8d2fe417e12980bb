package dev.stackbench.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import dev.stackbench.workload.Echo;

/**
 * One malformed or hostile request and the exact problem document both stacks must answer
 * it with. The expected documents are written out here by hand, not computed by the
 * workload code under test.
 */
public record BadRequest(String description, String method, String target, Map<String, String> headers, byte[] body,
		int status, String type, String title, String detail, byte[] rawHead) {

	private static final String JSON = "application/json";

	private static final String HEAD_TOO_LARGE = "The request line and header fields together must be at most 8192 "
			+ "bytes";

	private static final String MALFORMED_HEAD = "The request head is not valid HTTP/1.1";

	public BadRequest(String description, String method, String target, Map<String, String> headers, byte[] body,
			int status, String type, String title, String detail) {
		this(description, method, target, headers, body, status, type, title, detail, null);
	}

	/**
	 * Sends this request on a new connection, exactly as written here, and reads the
	 * answer.
	 */
	public RawHttp.Response sendTo(RawHttp.Connector connector) throws IOException {
		return (this.rawHead != null) ? RawHttp.exchange(connector, this.rawHead, this.body)
				: RawHttp.exchange(connector, this.method, this.target, this.headers, this.body);
	}

	/** The exact bytes expected on the wire. */
	public String expectedBody() {
		return "{\"type\":\"urn:stackbench:problem:" + this.type + "\",\"title\":\"" + this.title + "\",\"status\":"
				+ this.status + ",\"detail\":\"" + this.detail + "\"}";
	}

	@Override
	public String toString() {
		// Shortened and printable, because it names a test in reports: some targets are
		// 20,000 bytes of hostility.
		String target = (this.target.length() > 80) ? this.target.substring(0, 80) + "..." : this.target;
		return (this.description + ": " + this.method + " " + target).replaceAll("\\p{Cntrl}", "?");
	}

	public static Stream<BadRequest> all() {
		return Stream
			.of(badParameters(), unknownPaths(), wrongMethods(), badBodies(), maliciousTargets(), badHeads(),
					badCgiRequests())
			.flatMap((cases) -> cases);
	}

	private static Stream<BadRequest> badParameters() {
		String delay = "Query parameter 'delay' must be a whole number from 0 to 30000";
		String work = "Query parameter 'work' must be a whole number from 0 to 100000";
		String badEncoding = "The query string is not valid percent-encoding";
		String count = "Query parameter 'count' must be a whole number from 1 to 1000";
		String interval = "Query parameter 'interval' must be a whole number from 1 to 10000";
		return Stream.of(badParameter("negative", "/api/slow?delay=-1", delay),
				badParameter("non-numeric", "/api/slow?delay=abc", delay),
				badParameter("decimal", "/api/slow?delay=1.5", delay),
				badParameter("hexadecimal", "/api/slow?delay=0x10", delay),
				badParameter("above range", "/api/slow?delay=30001", delay),
				badParameter("long overflow", "/api/slow?delay=9223372036854775808", delay),
				badParameter("huge", "/api/slow?delay=99999999999999999999999999", delay),
				badParameter("empty", "/api/slow?delay=", delay), badParameter("no value", "/api/slow?delay", delay),
				badParameter("plus is a space", "/api/slow?delay=+5", delay),
				badParameter("NUL", "/api/slow?delay=%00", delay),
				badParameter("repeated", "/api/slow?delay=1&delay=2",
						"Query parameter 'delay' must be given at most once"),
				badParameter("percent garbage", "/api/slow?delay=%ZZ", badEncoding),
				badParameter("truncated escape", "/api/hello?x=%", badEncoding),
				badParameter("negative work", "/api/cpu?work=-1", work),
				badParameter("too much work", "/api/cpu?work=100001", work),
				badParameter("non-numeric work", "/api/cpu?work=x", work),
				badParameter("repeated work", "/api/cpu?work=1&work=1",
						"Query parameter 'work' must be given at most once"),
				badParameter("no events", "/api/stream?count=0", count),
				badParameter("too many events", "/api/stream?count=1001", count),
				badParameter("zero interval", "/api/stream?interval=0", interval),
				badParameter("non-numeric interval", "/api/stream?interval=x", interval), badParameter("repeated count",
						"/api/stream?count=1&count=2", "Query parameter 'count' must be given at most once"));
	}

	private static Stream<BadRequest> unknownPaths() {
		// A file extension on the path: Spring MVC's guard against reflected file
		// downloads would add headers.
		return Stream
			.of("/api/nope", "/", "/api", "/api/hello/", "/actuator/health", "/error", "/api/%252e%252e/x",
					"/api/nope.bat", "/api/hello.zip")
			.map((path) -> new BadRequest("unknown path", "GET", path, Map.of(), null, 404, "not-found", "Not found",
					"No endpoint answers GET " + path));
	}

	private static Stream<BadRequest> wrongMethods() {
		return Stream
			.of(new String[] { "POST", "/api/hello" }, new String[] { "DELETE", "/api/echo" },
					new String[] { "GET", "/api/echo" }, new String[] { "PUT", "/api/json" },
					new String[] { "PATCH", "/api/slow" })
			.map((call) -> new BadRequest("wrong method", call[0], call[1], Map.of(), null, 405, "method-not-allowed",
					"Method not allowed", "Method " + call[0] + " is not allowed on " + call[1]));
	}

	private static Stream<BadRequest> badBodies() {
		byte[] tooLarge = ("[" + "0,".repeat(32_768) + "0]").getBytes(StandardCharsets.US_ASCII);
		String deep = "[".repeat(65) + "]".repeat(65);
		return Stream.of(
				echo("text instead of JSON", Map.of("Content-Type", "text/plain"), "x", 415, "unsupported-media-type",
						"Unsupported media type", "The body must be sent as Content-Type: application/json"),
				echo("XML instead of JSON", Map.of("Content-Type", "application/xml"), "<a/>", 415,
						"unsupported-media-type", "Unsupported media type",
						"The body must be sent as Content-Type: application/json"),
				echo("no content type", Map.of(), "{}", 415, "unsupported-media-type", "Unsupported media type",
						"The body must be sent as Content-Type: application/json"),
				echo("unclosed object", Map.of("Content-Type", JSON), "{", 400, "malformed-json", "Malformed JSON",
						"The body is not well-formed JSON"),
				echo("single quotes", Map.of("Content-Type", JSON), "{'a':1}", 400, "malformed-json", "Malformed JSON",
						"The body is not well-formed JSON"),
				echo("empty body", Map.of("Content-Type", JSON), "", 400, "malformed-json", "Malformed JSON",
						"The body is empty"),
				echo("two documents", Map.of("Content-Type", JSON), "{} {}", 400, "malformed-json", "Malformed JSON",
						"The body holds more than one JSON value"),
				echo("too deep", Map.of("Content-Type", JSON), deep, 400, "malformed-json", "Malformed JSON",
						"The body nests deeper than 64 levels"),
				new BadRequest("invalid UTF-8", "POST", "/api/echo", Map.of("Content-Type", JSON),
						new byte[] { '"', (byte) 0xC3, (byte) 0x28, '"' }, 400, "malformed-json", "Malformed JSON",
						"The body is not well-formed JSON"),
				new BadRequest("body over 64 KiB", "POST", "/api/echo", Map.of("Content-Type", JSON), tooLarge, 413,
						"payload-too-large", "Payload too large", "The body must be at most 65536 bytes"),
				new BadRequest("chunked body over 64 KiB", "POST", "/api/echo",
						Map.of("Content-Type", JSON, "Transfer-Encoding", "chunked"), chunked(tooLarge), 413,
						"payload-too-large", "Payload too large", "The body must be at most 65536 bytes"),
				new BadRequest("unacceptable Accept", "GET", "/api/hello", Map.of("Accept", "image/png"), null, 406,
						"not-acceptable", "Not acceptable",
						"No representation matches the Accept header of GET /api/hello"));
	}

	private static Stream<BadRequest> maliciousTargets() {
		return Stream
			.of("/api/x/../hello", "/api/./hello", "/api/hello/..", "/api/%2e%2e/x", "/api/.%2E/x", "/api/..;x=1/hello",
					"/api/%2fetc", "/api/%5c..", "/api/%00", "/api/%ZZ", "/api/%C0%AE%C0%AE/x",
					"/%2e%2e/%2e%2e/etc/passwd")
			.map((path) -> new BadRequest("path traversal or malformed path", "GET", path, Map.of(), null, 400,
					"bad-request", "Bad request", "Malformed request GET " + path));
	}

	/**
	 * CGI requests that must never run anything: names outside the strict pattern (or of
	 * no program) are not found, traversal in any encoding is refused before routing, and
	 * the body limit is the echo's.
	 */
	private static Stream<BadRequest> badCgiRequests() {
		Stream<BadRequest> unknown = Stream
			.of("nope.cgi", ".hidden.cgi", "HELLO.CGI", "hello.sh", "hello.cgi.bak", "env", "a.b.cgi", "~root.cgi",
					"hello.cgi;x", "hello.cgi%3Bx", "", "-x.cgi")
			.map((name) -> new BadRequest("no such CGI script", "GET", "/api/cgi/" + name, Map.of(), null, 404,
					"not-found", "Not found", "No CGI script is named '" + name + "'"));
		Stream<BadRequest> traversal = Stream
			.of("/api/cgi/../../bin/sh", "/api/cgi/%2e%2e/%2e%2e/bin/sh", "/api/cgi/..%2f..%2fbin%2fsh",
					"/api/cgi/hello.cgi%00", "/api/cgi/%2fbin%2fsh", "/api/cgi/hello.cgi/..", "/api/cgi/.%2e/x.cgi")
			.map((path) -> new BadRequest("CGI traversal", "GET", path, Map.of(), null, 400, "bad-request",
					"Bad request", "Malformed request GET " + path));
		Stream<BadRequest> misuse = Stream.of(
				new BadRequest("wrong method on CGI", "PUT", "/api/cgi/hello.cgi", Map.of(), null, 405,
						"method-not-allowed", "Method not allowed", "Method PUT is not allowed on /api/cgi/hello.cgi"),
				new BadRequest("CGI body over 64 KiB", "POST", "/api/cgi/env.cgi", Map.of("Content-Type", "text/plain"),
						new byte[Echo.MAX_BYTES + 1], 413, "payload-too-large", "Payload too large",
						"The body must be at most 65536 bytes"));
		return Stream.of(unknown, traversal, misuse).flatMap((cases) -> cases);
	}

	/**
	 * Heads the servers' own parsers refuse before any application code runs. The size
	 * limit is 8 KiB for the request line and header fields together, so each oversized
	 * case is well past it and the served one well inside it.
	 */
	private static Stream<BadRequest> badHeads() {
		String longValue = "a".repeat(20_000);
		String half = "a".repeat(5_000);
		Map<String, String> manyFields = new LinkedHashMap<>();
		for (int i = 0; i < 150; i++) {
			manyFields.put("X-Field-" + i, "v");
		}
		return Stream.of(
				new BadRequest("query over the head limit", "GET", "/api/hello?x=" + longValue, Map.of(), null, 414,
						"uri-too-long", "URI too long", "The request line must be at most 8192 bytes"),
				new BadRequest("header over the head limit", "GET", "/api/hello", Map.of("X-Big", longValue), null, 431,
						"header-fields-too-large", "Request header fields too large", HEAD_TOO_LARGE),
				new BadRequest(
						"line and header over the limit together", "GET", "/api/hello?x=" + half, Map.of("X-Big", half),
						null, 431, "header-fields-too-large", "Request header fields too large", HEAD_TOO_LARGE),
				badHead("more than 100 header fields", "GET", "/api/hello", manyFields),
				malformedHead("space in a header name",
						"GET /api/hello HTTP/1.1\r\nHost: localhost\r\nBad Name: x\r\n"),
				malformedHead("NUL in a header value", "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nX-A: a\0b\r\n"),
				malformedHead("garbled request line", "\u0001\u0002 garbage\r\n"),
				malformedHead("unknown HTTP version", "GET /api/hello HTTP/9.9\r\nHost: localhost\r\n"),
				// Bytes over 0x7F are allowed in a target only percent-encoded (RFC
				// 9112): here é as raw UTF-8, written as the ISO-8859-1 chars of its two
				// bytes.
				malformedHead("raw UTF-8 in the target", "GET /api/h\u00c3\u00a9llo HTTP/1.1\r\nHost: localhost\r\n"),
				rawHead("no Host", "GET /api/hello HTTP/1.1\r\n", 400, "bad-request", "Bad request",
						"Malformed request GET /api/hello"),
				rawHead("two Hosts", "GET /api/hello HTTP/1.1\r\nHost: localhost\r\nHost: other\r\n", 400,
						"bad-request", "Bad request", "Malformed request GET /api/hello"),
				rawHead("two Content-Lengths",
						"POST /api/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
								+ "Content-Length: 2\r\nContent-Length: 3\r\n",
						400, "bad-request", "Bad request", "Malformed request POST /api/echo"),
				new BadRequest("bad chunk size", "POST", "/api/echo",
						Map.of("Content-Type", JSON, "Transfer-Encoding", "chunked"),
						"ZZ\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 400, "bad-request", "Bad request",
						"Malformed request POST /api/echo"),
				new BadRequest("unknown method", "FOO", "/api/hello", Map.of(), null, 405, "method-not-allowed",
						"Method not allowed", "Method FOO is not allowed on /api/hello"),
				new BadRequest("TRACE", "TRACE", "/api/hello", Map.of(), null, 405, "method-not-allowed",
						"Method not allowed", "Method TRACE is not allowed on /api/hello"));
	}

	private static BadRequest badHead(String description, String method, String target, Map<String, String> headers) {
		return new BadRequest(description, method, target, headers, null, 400, "bad-request", "Bad request",
				"Malformed request " + method + " " + target);
	}

	private static BadRequest malformedHead(String description, String head) {
		return rawHead(description, head, 400, "bad-request", "Bad request", MALFORMED_HEAD);
	}

	/**
	 * A head sent as written (ended here with Connection: close and the empty line), for
	 * what a map cannot say.
	 */
	private static BadRequest rawHead(String description, String head, int status, String type, String title,
			String detail) {
		byte[] raw = (head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
		String requestLine = head.substring(0, head.indexOf('\r'));
		return new BadRequest(description, "(raw)", requestLine, Map.of(), null, status, type, title, detail, raw);
	}

	private static BadRequest badParameter(String description, String target, String detail) {
		return new BadRequest(description, "GET", target, Map.of(), null, 400, "bad-parameter", "Bad parameter",
				detail);
	}

	private static BadRequest echo(String description, Map<String, String> headers, String body, int status,
			String type, String title, String detail) {
		return new BadRequest(description, "POST", "/api/echo", headers, body.getBytes(StandardCharsets.UTF_8), status,
				type, title, detail);
	}

	private static byte[] chunked(byte[] body) {
		byte[] head = (Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] tail = "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
		byte[] chunked = new byte[head.length + body.length + tail.length];
		System.arraycopy(head, 0, chunked, 0, head.length);
		System.arraycopy(body, 0, chunked, head.length, body.length);
		System.arraycopy(tail, 0, chunked, head.length + body.length, tail.length);
		return chunked;
	}

}
