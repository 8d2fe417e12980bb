package dev.stackbench.workload.cgi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.ProblemType;

/**
 * One request to a CGI program, as each web layer sees it, and the RFC 3875
 * meta-variables it becomes. Both apps build it from the raw request alone, so a program
 * sees the same environment whichever stack started it.
 *
 * @param method the request method
 * @param rawPath the path as sent, {@code /api/cgi/<script>[/path-info]}, still
 * percent-encoded
 * @param rawQuery the query as sent, or {@code null}
 * @param protocol {@code HTTP/1.1} or {@code HTTP/1.0}
 * @param host the Host header, or {@code null}
 * @param localPort the port the request arrived on, for a Host header without one
 * @param remoteAddress the client's IP address
 * @param headers every header field in arrival order (name, value)
 * @param bodyLength the length of the body passed on standard input
 */
public record CgiRequest(String method, String rawPath, String rawQuery, String protocol, String host, int localPort,
		String remoteAddress, List<Map.Entry<String, String>> headers, int bodyLength) {

	/**
	 * Only names like {@code env.cgi} or {@code slow-page_2.cgi}: no dots before the
	 * suffix, no escapes, no slash.
	 */
	private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,59}\\.cgi");

	/**
	 * Field names a CGI header may carry: a token without underscores, which would
	 * collide after mapping.
	 */
	private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9-]{1,100}");

	/**
	 * Header fields not passed on as {@code HTTP_*}: the body's two have their own
	 * variables, credentials are the server's business (RFC 3875, 4.1.18), and
	 * {@code Proxy} would become {@code HTTP_PROXY}, which many HTTP libraries take as
	 * their proxy setting (httpoxy).
	 */
	private static final Set<String> WITHHELD_HEADERS = Set.of("content-length", "content-type", "authorization",
			"proxy-authorization", "proxy");

	/**
	 * The only search path a program gets: nothing of the server's own environment is
	 * inherited.
	 */
	static final String PATH = "/usr/local/bin:/usr/bin:/bin";

	private static final String PREFIX = Api.CGI + "/";

	/** The script's file name, checked against the strict pattern. */
	public String scriptName() {
		String afterPrefix = this.rawPath.startsWith(PREFIX) ? this.rawPath.substring(PREFIX.length()) : "";
		int slash = afterPrefix.indexOf('/');
		String name = (slash < 0) ? afterPrefix : afterPrefix.substring(0, slash);
		if (!SCRIPT_NAME.matcher(name).matches()) {
			throw notFound(name);
		}
		return name;
	}

	/**
	 * Whatever follows the script name in the path, percent-decoded (RFC 3875, 4.1.5), or
	 * empty.
	 */
	private String pathInfo(String scriptName) {
		String afterScript = this.rawPath.substring(PREFIX.length() + scriptName.length());
		return URLDecoder.decode(afterScript.replace("+", "%2B"), StandardCharsets.UTF_8);
	}

	static ProblemException notFound(String name) {
		return new ProblemException(ProblemType.NOT_FOUND, "No CGI script is named '" + quoted(name) + "'");
	}

	private static String quoted(String name) {
		return (name.length() > 64) ? name.substring(0, 64) + "..." : name;
	}

	/**
	 * The meta-variables of RFC 3875, section 4.1, plus a fixed PATH: the program's whole
	 * environment.
	 */
	public Map<String, String> metaVariables() {
		Map<String, String> variables = new TreeMap<>();
		variables.put("GATEWAY_INTERFACE", "CGI/1.1");
		variables.put("SERVER_SOFTWARE", "stackbench");
		variables.put("SERVER_PROTOCOL", this.protocol);
		variables.put("SERVER_NAME", serverName());
		variables.put("SERVER_PORT", Integer.toString(serverPort()));
		variables.put("REQUEST_METHOD", this.method);
		String scriptName = scriptName();
		variables.put("SCRIPT_NAME", PREFIX + scriptName);
		String pathInfo = pathInfo(scriptName);
		if (!pathInfo.isEmpty()) {
			variables.put("PATH_INFO", pathInfo);
		}
		variables.put("QUERY_STRING", (this.rawQuery != null) ? this.rawQuery : "");
		variables.put("REMOTE_ADDR", this.remoteAddress);
		variables.put("REMOTE_HOST", this.remoteAddress);
		if (this.bodyLength > 0) {
			variables.put("CONTENT_LENGTH", Integer.toString(this.bodyLength));
		}
		String contentType = header("content-type");
		if (contentType != null) {
			variables.put("CONTENT_TYPE", contentType);
		}
		variables.putAll(protocolVariables());
		variables.put("PATH", PATH);
		return variables;
	}

	/**
	 * {@code HTTP_*} variables, one per header name, repeated fields joined with a comma
	 * as HTTP allows.
	 */
	private Map<String, String> protocolVariables() {
		Map<String, String> variables = new LinkedHashMap<>();
		for (Map.Entry<String, String> header : this.headers) {
			String name = header.getKey();
			String value = header.getValue();
			if (HEADER_NAME.matcher(name).matches() && !WITHHELD_HEADERS.contains(name.toLowerCase(Locale.ROOT))
					&& value.indexOf('\0') < 0) {
				String variable = "HTTP_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
				variables.merge(variable, value, (first, second) -> first + ", " + second);
			}
		}
		return variables;
	}

	private String header(String name) {
		return this.headers.stream()
			.filter((header) -> header.getKey().equalsIgnoreCase(name))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	/** The Host header's name part; an IPv6 literal keeps its brackets. */
	private String serverName() {
		if (this.host == null || this.host.isBlank()) {
			return "localhost";
		}
		int colon = this.host.lastIndexOf(':');
		boolean hasPort = colon > this.host.lastIndexOf(']');
		return (hasPort ? this.host.substring(0, colon) : this.host).toLowerCase(Locale.ROOT);
	}

	private int serverPort() {
		if (this.host != null) {
			int colon = this.host.lastIndexOf(':');
			if (colon > this.host.lastIndexOf(']')) {
				try {
					return Integer.parseInt(this.host.substring(colon + 1));
				}
				catch (NumberFormatException ex) {
					// Not a port: the servers have accepted the Host header, so fall back
					// to the real one.
				}
			}
		}
		return this.localPort;
	}

}
