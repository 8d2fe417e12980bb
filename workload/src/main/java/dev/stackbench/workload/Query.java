package dev.stackbench.workload;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's query string, parsed here rather than by the servers: Tomcat and Spring
 * WebFlux disagree on malformed percent-encoding (one throws, the other passes the raw
 * text on), and a benchmark's two stacks must not. Every occurrence of a name is kept, so
 * a repeated parameter is rejected instead of one occurrence silently winning.
 */
public final class Query {

	/** Optional minus sign and up to 18 digits: anything longer might overflow a long. */
	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,18}");

	private final Map<String, List<String>> parameters;

	private Query(Map<String, List<String>> parameters) {
		this.parameters = parameters;
	}

	/**
	 * @param rawQuery the query string as sent, still percent-encoded; {@code null} when
	 * the request has none
	 * @throws ProblemException (400 bad parameter) when it is not valid percent-encoding
	 */
	public static Query parse(String rawQuery) {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (rawQuery != null) {
			for (String pair : rawQuery.split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					String name = decode((equals < 0) ? pair : pair.substring(0, equals));
					String value = (equals < 0) ? "" : decode(pair.substring(equals + 1));
					parameters.computeIfAbsent(name, (key) -> new ArrayList<>()).add(value);
				}
			}
		}
		return new Query(parameters);
	}

	private static String decode(String encoded) {
		try {
			return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw badParameter("The query string is not valid percent-encoding");
		}
	}

	/**
	 * @return the value of {@code name}, or {@code defaultValue} when the parameter is
	 * absent
	 * @throws ProblemException (400 bad parameter) when the value is repeated, empty, not
	 * a whole number or out of range
	 */
	public long wholeNumber(String name, long defaultValue, long min, long max) {
		List<String> values = this.parameters.getOrDefault(name, List.of());
		if (values.isEmpty()) {
			return defaultValue;
		}
		if (values.size() > 1) {
			throw badParameter("Query parameter '%s' must be given at most once".formatted(name));
		}
		String value = values.getFirst();
		if (!WHOLE_NUMBER.matcher(value).matches()) {
			throw outOfRange(name, min, max);
		}
		long number = Long.parseLong(value);
		if (number < min || number > max) {
			throw outOfRange(name, min, max);
		}
		return number;
	}

	private static ProblemException outOfRange(String name, long min, long max) {
		return badParameter("Query parameter '%s' must be a whole number from %d to %d".formatted(name, min, max));
	}

	private static ProblemException badParameter(String detail) {
		return new ProblemException(ProblemType.BAD_PARAMETER, detail);
	}

}
