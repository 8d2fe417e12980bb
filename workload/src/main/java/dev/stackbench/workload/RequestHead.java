package dev.stackbench.workload;

import java.util.Map;

/**
 * The request head (request line and header fields) is read by each server's own HTTP
 * parser, before any application code runs, so its limits are enforced there: both apps
 * take the same size limit ({@code server.max-http-request-header-size}) and the same
 * time limit ({@code stackbench.request-head-timeout}), and answer an oversized head with
 * these problems. Tomcat counts the request line and the header fields against one
 * buffer; the reactive app counts the same way, so a head is refused by both or by
 * neither (up to a few bytes of line endings at the very edge of the limit).
 */
public final class RequestHead {

	/**
	 * Most header fields a request may carry: Tomcat's default, set explicitly on both
	 * apps.
	 */
	public static final int MAX_HEADER_FIELDS = 100;

	private RequestHead() {
	}

	/**
	 * A head the server's parser could not read as HTTP/1.x (a garbled request line, an
	 * unknown version, a header field with an illegal name or value, both Content-Length
	 * and Transfer-Encoding). The parsers give up at different points, so the detail
	 * quotes nothing of the request.
	 */
	public static Problem malformed() {
		return Problem.of(ProblemType.BAD_REQUEST, "The request head is not valid HTTP/1.1");
	}

	/**
	 * The request line alone is over the limit: no header was read, so nothing of the
	 * request can be quoted.
	 */
	public static Problem lineTooLong(long maxBytes) {
		return Problem.of(ProblemType.URI_TOO_LONG, "The request line must be at most " + maxBytes + " bytes");
	}

	/** The request line fitted, but not the header fields with it. */
	public static Problem headerFieldsTooLarge(long maxBytes) {
		return Problem.of(ProblemType.HEADER_FIELDS_TOO_LARGE,
				"The request line and header fields together must be at most " + maxBytes + " bytes");
	}

	/**
	 * The size of a head as sent, from its parts: the request line and each header field
	 * ({@code name: value}), each with its CRLF, and the empty line that ends the head.
	 */
	public static long bytes(String method, String target, String protocol,
			Iterable<? extends Map.Entry<String, String>> headers) {
		long bytes = method.length() + 1 + target.length() + 1 + protocol.length() + 2;
		for (Map.Entry<String, String> header : headers) {
			bytes += header.getKey().length() + 2 + header.getValue().length() + 2;
		}
		return bytes + 2;
	}

}
