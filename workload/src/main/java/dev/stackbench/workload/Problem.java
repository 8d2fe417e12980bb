package dev.stackbench.workload;

import java.io.ByteArrayOutputStream;
import java.net.URI;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * An RFC 9457 problem document, serialized as {@code application/problem+json} by both
 * stacks. The detail never carries an exception message or anything else internal.
 */
public record Problem(URI type, String title, int status, String detail) {

	/**
	 * Longest request path quoted back in a detail, so a hostile path cannot inflate
	 * error responses.
	 */
	private static final int MAX_QUOTED_PATH = 200;

	private static final JsonFactory JSON_FACTORY = new JsonFactory();

	public static Problem of(ProblemType type, String detail) {
		return new Problem(type.type(), type.title(), type.status(), detail);
	}

	/**
	 * The problem for an error status raised by a web framework or the server itself
	 * rather than by stackbench's own validation, described from the request alone so
	 * that both stacks word it the same.
	 */
	public static Problem forStatus(int status, String method, String rawPath) {
		String request = method + " " + quoted(rawPath);
		return switch (status) {
			case 404 -> of(ProblemType.NOT_FOUND, "No endpoint answers " + request);
			case 405 ->
				of(ProblemType.METHOD_NOT_ALLOWED, "Method " + method + " is not allowed on " + quoted(rawPath));
			case 406 -> of(ProblemType.NOT_ACCEPTABLE, "No representation matches the Accept header of " + request);
			case 408 -> of(ProblemType.REQUEST_TIMEOUT, "The body of " + request + " arrived too slowly");
			case 413 -> of(ProblemType.PAYLOAD_TOO_LARGE, "The body of " + request + " is too large");
			case 415 -> of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The Content-Type of " + request + " is not supported");
			default -> (status >= 400 && status < 500) ? of(ProblemType.BAD_REQUEST, "Malformed request " + request)
					: of(ProblemType.INTERNAL_ERROR, "The server failed to answer " + request);
		};
	}

	/**
	 * Seconds a client should wait before trying again, for the problems that say so
	 * (503), otherwise null.
	 */
	public String retryAfterSeconds() {
		return (this.status == ProblemType.OVERLOADED.status()) ? Admission.RETRY_AFTER_SECONDS : null;
	}

	/**
	 * The problem as JSON, for the few places that answer outside Spring's message
	 * writers (a server's own error page, a route in front of the framework). Written
	 * with the same generator Jackson databind uses, in the same field order, so it is
	 * byte for byte what the frameworks write for this record.
	 */
	public byte[] toJson() {
		ByteArrayOutputStream json = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = JSON_FACTORY.createGenerator(ObjectWriteContext.empty(), json)) {
			generator.writeStartObject();
			generator.writeStringProperty("type", this.type.toString());
			generator.writeStringProperty("title", this.title);
			generator.writeNumberProperty("status", this.status);
			generator.writeStringProperty("detail", this.detail);
			generator.writeEndObject();
		}
		return json.toByteArray();
	}

	private static String quoted(String rawPath) {
		return (rawPath.length() > MAX_QUOTED_PATH) ? rawPath.substring(0, MAX_QUOTED_PATH) + "..." : rawPath;
	}

}
