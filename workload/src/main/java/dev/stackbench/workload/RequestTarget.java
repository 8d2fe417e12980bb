package dev.stackbench.workload;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks a request target (path and query as sent) before any routing, so that both
 * stacks reject the same targets the same way: malformed percent-encoding, an encoded
 * slash or backslash, NUL, dot segments, and a query {@link Query} cannot parse. Left to
 * themselves the servers disagree: Tomcat normalizes {@code /a/../b} and serves
 * {@code /b} but rejects {@code %2e%2e} above the root with its own HTML page, while
 * WebFlux routes both as ordinary paths and answers a malformed URI with an empty 400.
 */
public final class RequestTarget {

	private RequestTarget() {
	}

	/**
	 * @return the problem to answer with, or empty when the target is acceptable
	 */
	public static Optional<Problem> problem(String method, String rawTarget) {
		if (isPlain(rawTarget)) {
			return Optional.empty();
		}
		int question = rawTarget.indexOf('?');
		String rawPath = (question < 0) ? rawTarget : rawTarget.substring(0, question);
		if (!isAscii(rawTarget) || !isAcceptablePath(rawPath)) {
			return Optional.of(Problem.forStatus(400, method, rawPath));
		}
		if (question >= 0) {
			try {
				Query.parse(rawTarget.substring(question + 1));
			}
			catch (ProblemException ex) {
				return Optional.of(ex.problem());
			}
		}
		try {
			new URI(rawTarget);
		}
		catch (URISyntaxException ex) {
			return Optional.of(Problem.forStatus(400, method, rawPath));
		}
		return Optional.empty();
	}

	/**
	 * The fast path taken by nearly every request, checked on every one: a target of
	 * plain URI characters with no escapes and no segment starting with a dot can break
	 * none of the rules below.
	 */
	private static boolean isPlain(String rawTarget) {
		if (rawTarget.isEmpty() || rawTarget.charAt(0) != '/') {
			return false;
		}
		char previous = '/';
		for (int i = 1; i < rawTarget.length(); i++) {
			char c = rawTarget.charAt(i);
			boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "-_~/?=&+,;:@!$*'()".indexOf(c) >= 0 || (c == '.' && previous != '/');
			if (!plain) {
				return false;
			}
			previous = c;
		}
		return true;
	}

	/**
	 * Visible US-ASCII only: anything else must be percent-encoded (RFC 3986). HTTP/1.1
	 * parsers refuse it in the request line already; over HTTP/2 the path is a header
	 * value, which Reactor Netty passes on as it came.
	 */
	private static boolean isAscii(String rawTarget) {
		return rawTarget.chars().allMatch((c) -> c > ' ' && c < 0x7F);
	}

	private static boolean isAcceptablePath(String rawPath) {
		String lower = rawPath.toLowerCase(Locale.ROOT);
		if (!rawPath.startsWith("/") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
			return false;
		}
		String decoded = strictlyDecoded(rawPath);
		return decoded != null && decoded.indexOf('\0') < 0 && !hasDotSegment(decoded);
	}

	/**
	 * Percent-decodes a path, or returns {@code null} when the escapes or the UTF-8 they
	 * spell are malformed: overlong forms such as {@code %C0%AE} (a disguised dot) must
	 * fail rather than decode to a replacement char.
	 */
	private static String strictlyDecoded(String rawPath) {
		ByteBuffer bytes = ByteBuffer.allocate(rawPath.length() * 4);
		for (int i = 0; i < rawPath.length(); i++) {
			char c = rawPath.charAt(i);
			if (c == '%') {
				int high = (i + 2 < rawPath.length()) ? Character.digit(rawPath.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(rawPath.charAt(i + 2), 16) : -1;
				if (low < 0) {
					return null;
				}
				bytes.put((byte) ((high << 4) | low));
				i += 2;
			}
			else {
				bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(bytes.flip()).toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

	private static boolean hasDotSegment(String path) {
		for (String segment : path.split("/", -1)) {
			String name = segment.split(";", 2)[0];
			if (name.equals(".") || name.equals("..")) {
				return true;
			}
		}
		return false;
	}

}
