package dev.stackbench.workload;

import java.net.URI;

/**
 * Every kind of error either app answers with. Both stacks map their own exceptions onto
 * these, so that a client sees the same status, {@code type} and {@code title} whichever
 * stack it talks to.
 */
public enum ProblemType {

	BAD_PARAMETER(400, "bad-parameter", "Bad parameter"),

	MALFORMED_JSON(400, "malformed-json", "Malformed JSON"),

	BAD_REQUEST(400, "bad-request", "Bad request"),

	/** A JSON body that is well-formed but not what the endpoint takes (a new item). */
	INVALID_FIELD(400, "invalid-field", "Invalid field"),

	NOT_FOUND(404, "not-found", "Not found"),

	METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed"),

	NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable"),

	/** The request body arrived too slowly (see {@link RequestBodyDeadline}). */
	REQUEST_TIMEOUT(408, "request-timeout", "Request timeout"),

	PAYLOAD_TOO_LARGE(413, "payload-too-large", "Payload too large"),

	UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type"),

	/**
	 * The request line alone is longer than the request head may be (see
	 * {@link RequestHead}).
	 */
	URI_TOO_LONG(414, "uri-too-long", "URI too long"),

	/**
	 * The request line and header fields together are larger than the request head may
	 * be.
	 */
	HEADER_FIELDS_TOO_LARGE(431, "header-fields-too-large", "Request header fields too large"),

	/**
	 * A CGI program failed (could not start, exited non-zero, wrote too much or wrote
	 * malformed headers), or a downstream call did.
	 */
	BAD_GATEWAY(502, "bad-gateway", "Bad gateway"),

	/**
	 * More requests in flight than the admission limit allows, more CGI processes than
	 * their bound, or no database connection free within the acquire timeout: answered
	 * with {@code Retry-After}.
	 */
	OVERLOADED(503, "overloaded", "Overloaded"),

	/** The database is down or unreachable: answered with {@code Retry-After}. */
	DATABASE_UNAVAILABLE(503, "database-unavailable", "Database unavailable"),

	/** A CGI program, or a downstream call, did not finish within its time limit. */
	GATEWAY_TIMEOUT(504, "gateway-timeout", "Gateway timeout"),

	/** A bug in stackbench: the contract suite fails whenever one is answered. */
	INTERNAL_ERROR(500, "internal-error", "Internal error");

	private final int status;

	private final URI type;

	private final String title;

	ProblemType(int status, String slug, String title) {
		this.status = status;
		this.type = URI.create("urn:stackbench:problem:" + slug);
		this.title = title;
	}

	public int status() {
		return this.status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

}
