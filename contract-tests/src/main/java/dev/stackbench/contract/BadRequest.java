package dev.stackbench.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One malformed or hostile request and the exact problem document both stacks must answer it with. The expected
 * documents are written out here by hand, not computed by the workload code under test.
 */
public record BadRequest(String description, String method, String target, Map<String, String> headers, byte[] body,
		int status, String type, String title, String detail) {

	private static final String JSON = "application/json";

	/** The exact bytes expected on the wire. */
	public String expectedBody() {
		return "{\"type\":\"urn:stackbench:problem:" + this.type + "\",\"title\":\"" + this.title + "\",\"status\":"
				+ this.status + ",\"detail\":\"" + this.detail + "\"}";
	}

	@Override
	public String toString() {
		return this.description + ": " + this.method + " " + this.target;
	}

	public static Stream<BadRequest> all() {
		return Stream.of(badParameters(), unknownPaths(), wrongMethods(), badBodies(), maliciousTargets())
			.flatMap((cases) -> cases);
	}

	private static Stream<BadRequest> badParameters() {
		String delay = "Query parameter 'delay' must be a whole number from 0 to 30000";
		String work = "Query parameter 'work' must be a whole number from 0 to 100000";
		String badEncoding = "The query string is not valid percent-encoding";
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
				badParameter("repeated", "/api/slow?delay=1&delay=2", "Query parameter 'delay' must be given at most once"),
				badParameter("percent garbage", "/api/slow?delay=%ZZ", badEncoding),
				badParameter("truncated escape", "/api/hello?x=%", badEncoding),
				badParameter("negative work", "/api/cpu?work=-1", work),
				badParameter("too much work", "/api/cpu?work=100001", work),
				badParameter("non-numeric work", "/api/cpu?work=x", work),
				badParameter("repeated work", "/api/cpu?work=1&work=1", "Query parameter 'work' must be given at most once"));
	}

	private static Stream<BadRequest> unknownPaths() {
		return Stream.of("/api/nope", "/", "/api", "/api/hello/", "/actuator/health", "/error", "/api/%252e%252e/x")
			.map((path) -> new BadRequest("unknown path", "GET", path, Map.of(), null, 404, "not-found", "Not found",
					"No endpoint answers GET " + path));
	}

	private static Stream<BadRequest> wrongMethods() {
		return Stream.of(new String[] { "POST", "/api/hello" }, new String[] { "DELETE", "/api/echo" },
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
						"not-acceptable", "Not acceptable", "No representation matches the Accept header of GET /api/hello"));
	}

	private static Stream<BadRequest> maliciousTargets() {
		return Stream
			.of("/api/x/../hello", "/api/./hello", "/api/hello/..", "/api/%2e%2e/x", "/api/.%2E/x", "/api/..;x=1/hello",
					"/api/%2fetc", "/api/%5c..", "/api/%00", "/api/%ZZ", "/api/%C0%AE%C0%AE/x",
					"/%2e%2e/%2e%2e/etc/passwd")
			.map((path) -> new BadRequest("path traversal or malformed path", "GET", path, Map.of(), null, 400,
					"bad-request", "Bad request", "Malformed request GET " + path));
	}

	private static BadRequest badParameter(String description, String target, String detail) {
		return new BadRequest(description, "GET", target, Map.of(), null, 400, "bad-parameter", "Bad parameter", detail);
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
