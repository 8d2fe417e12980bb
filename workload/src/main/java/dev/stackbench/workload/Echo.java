package dev.stackbench.workload;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/echo}: answers with the JSON body it was sent, byte for byte. The body
 * is checked to be one well-formed JSON value, streamed rather than bound to objects, and
 * bounded in size and nesting so that no client can make the server buffer or recurse
 * without limit.
 */
public final class Echo {

	public static final int MAX_BYTES = 64 * 1024;

	public static final int MAX_NESTING_DEPTH = 64;

	public static final String JSON = "application/json";

	private static final JsonFactory JSON_FACTORY = JsonFactory.builder()
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
		.build();

	private Echo() {
	}

	/**
	 * Accepts {@code application/json} and any {@code +json} type, with or without
	 * parameters.
	 */
	public static void requireJsonContentType(String contentType) {
		String mediaType = (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
		if (!mediaType.equals(JSON) && !(mediaType.startsWith("application/") && mediaType.endsWith("+json"))) {
			throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
					"The body must be sent as Content-Type: " + JSON);
		}
	}

	/**
	 * Rejects a body whose declared length is over the limit before any of it is read; -1
	 * means undeclared.
	 */
	public static void requireDeclaredLengthWithinLimit(long contentLength) {
		if (contentLength > MAX_BYTES) {
			throw tooLarge();
		}
	}

	/** Reads at most {@link #MAX_BYTES}, failing as soon as the body proves longer. */
	public static byte[] readWithinLimit(InputStream body) throws IOException {
		byte[] bytes = body.readNBytes(MAX_BYTES + 1);
		if (bytes.length > MAX_BYTES) {
			throw tooLarge();
		}
		return bytes;
	}

	public static ProblemException tooLarge() {
		return new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "The body must be at most " + MAX_BYTES + " bytes");
	}

	/**
	 * @return the body itself, once it is known to be exactly one well-formed JSON value
	 */
	public static byte[] requireWellFormed(byte[] body) {
		try (JsonParser parser = JSON_FACTORY.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() == null) {
				throw malformed("The body is empty");
			}
			parser.skipChildren();
			JsonToken trailing = parser.nextToken();
			if (trailing != null) {
				throw malformed("The body holds more than one JSON value");
			}
			return body;
		}
		catch (StreamConstraintsException ex) {
			throw malformed("The body nests deeper than " + MAX_NESTING_DEPTH + " levels");
		}
		catch (JacksonException ex) {
			throw malformed("The body is not well-formed JSON");
		}
	}

	private static ProblemException malformed(String detail) {
		return new ProblemException(ProblemType.MALFORMED_JSON, detail);
	}

}
