package dev.stackbench.workload.cgi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CGI program wrote, read as RFC 3875, section 6: header fields (CRLF or LF line
 * ends), a blank line, the body. {@code Status} gives the status code (its reason phrase
 * is the server's to choose); a {@code Location} without a {@code Status} is a redirect
 * (302), local or not; anything else needs a {@code Content-Type}.
 *
 * @param status the HTTP status to answer with
 * @param contentType the body's media type, or {@code null} for a redirect without one
 * @param location the redirect target, or {@code null}
 * @param headers the program's other header fields, passed on as they are
 * @param body the bytes after the blank line
 */
public record CgiResponse(int status, String contentType, String location, List<Map.Entry<String, String>> headers,
		byte[] body) {

	private static final Pattern HEADER = Pattern.compile("([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \t]*(.*?)[ \t]*");

	private static final String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";

	/**
	 * {@code type/subtype} and optional parameters: what both frameworks parse without
	 * complaint.
	 */
	private static final Pattern MEDIA_TYPE = Pattern
		.compile(TOKEN + "/" + TOKEN + "(?:[ \t]*;[ \t]*" + TOKEN + "=(?:" + TOKEN + "|\"[^\"\\\\]*\"))*");

	private static final Pattern STATUS = Pattern.compile("([1-5][0-9][0-9])(?: .*)?");

	/**
	 * Header fields a program may not set: the framing and connection of the HTTP
	 * response are the server's, and the stack headers name the server that answered.
	 */
	private static final Set<String> SERVER_HEADERS = Set.of("connection", "content-length", "transfer-encoding",
			"keep-alive", "upgrade", "trailer", "te", "date", "server", "x-stack", "x-thread");

	/**
	 * Every header field to answer with: the program's own, then its Content-Type and
	 * Location.
	 */
	public List<Map.Entry<String, String>> headerFields() {
		List<Map.Entry<String, String>> fields = new ArrayList<>(this.headers);
		if (this.contentType != null) {
			fields.add(Map.entry("Content-Type", this.contentType));
		}
		if (this.location != null) {
			fields.add(Map.entry("Location", this.location));
		}
		return fields;
	}

	/**
	 * @return the response, or empty when the output is not a valid CGI response
	 */
	static Optional<CgiResponse> parse(byte[] output) {
		int offset = 0;
		Integer status = null;
		String contentType = null;
		String location = null;
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		while (true) {
			int newline = indexOf(output, (byte) '\n', offset);
			if (newline < 0) {
				return Optional.empty();
			}
			int end = (newline > offset && output[newline - 1] == '\r') ? newline - 1 : newline;
			String line = new String(output, offset, end - offset, StandardCharsets.ISO_8859_1);
			offset = newline + 1;
			if (line.isEmpty()) {
				break;
			}
			Matcher header = HEADER.matcher(line);
			if (!header.matches() || hasControlCharacter(header.group(2))) {
				return Optional.empty();
			}
			String name = header.group(1);
			String value = header.group(2);
			switch (name.toLowerCase(Locale.ROOT)) {
				case "status" -> {
					Matcher code = STATUS.matcher(value);
					if (status != null || !code.matches()) {
						return Optional.empty();
					}
					status = Integer.valueOf(code.group(1));
				}
				case "content-type" -> {
					if (contentType != null || !MEDIA_TYPE.matcher(value).matches()) {
						return Optional.empty();
					}
					contentType = value;
				}
				case "location" -> {
					if (location != null || value.isEmpty()) {
						return Optional.empty();
					}
					location = value;
				}
				default -> {
					if (!SERVER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
						headers.add(Map.entry(name, value));
					}
				}
			}
		}
		if (contentType == null && location == null) {
			return Optional.empty();
		}
		int code = (status != null) ? status : ((location != null) ? 302 : 200);
		return Optional.of(new CgiResponse(code, contentType, location, List.copyOf(headers),
				Arrays.copyOfRange(output, offset, output.length)));
	}

	private static int indexOf(byte[] bytes, byte wanted, int from) {
		for (int i = from; i < bytes.length; i++) {
			if (bytes[i] == wanted) {
				return i;
			}
		}
		return -1;
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch((c) -> (c < 0x20 && c != '\t') || c == 0x7f);
	}

}
