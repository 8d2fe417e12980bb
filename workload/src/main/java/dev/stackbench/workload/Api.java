package dev.stackbench.workload;

import java.util.List;

/**
 * The HTTP contract both apps serve: paths and the headers every response carries.
 */
public final class Api {

	public static final String HELLO = "/api/hello";

	public static final String JSON = "/api/json";

	public static final String SLOW = "/api/slow";

	public static final String CPU = "/api/cpu";

	public static final String ECHO = "/api/echo";

	/** Server-sent events (see {@link EventStream}). */
	public static final String STREAM = "/api/stream";

	/** Calls to a downstream service (see {@link Downstream}). */
	public static final String DOWNSTREAM = "/api/downstream";

	/** One query that waits in PostgreSQL (see {@code dev.stackbench.workload.db}). */
	public static final String DB_QUERY = "/api/db/query";

	/** TechEmpower's fortunes. */
	public static final String DB_FORTUNES = "/api/db/fortunes";

	/** {@code POST} an item; {@code GET} one at {@link #DB_ITEM_TAG}. */
	public static final String DB_ITEMS = "/api/db/items";

	/** The one metrics tag for every item read, whatever id a client names. */
	public static final String DB_ITEM_TAG = DB_ITEMS + "/{id}";

	/**
	 * CGI programs: {@code /api/cgi/<script>[/path-info]} (see
	 * {@code dev.stackbench.workload.cgi}).
	 */
	public static final String CGI = "/api/cgi";

	/** The one metrics tag for every CGI request, whatever script a client names. */
	public static final String CGI_TAG = CGI + "/{script}";

	/**
	 * Every endpoint path; metrics tag anything else as {@link #OTHER_PATHS} to keep tag
	 * cardinality bounded.
	 */
	public static final List<String> PATHS = List.of(HELLO, JSON, SLOW, CPU, ECHO, STREAM, DOWNSTREAM, DB_QUERY,
			DB_FORTUNES, DB_ITEMS);

	/**
	 * The reactive app only: {@code /api/slow} done wrong, sleeping on the event loop
	 * itself, so that a workshop sees every other connection of that loop stall. Not part
	 * of the contract both apps share (the servlet app answers 404), and never to be
	 * copied.
	 */
	public static final String BLOCK_EVENT_LOOP = "/api/antipattern/block-event-loop";

	public static final String OTHER_PATHS = "/**";

	/** Which stack answered: {@code servlet} or {@code reactive}. */
	public static final String STACK_HEADER = "X-Stack";

	/**
	 * The thread that ran the handler, so a person can see the concurrency model at work.
	 */
	public static final String THREAD_HEADER = "X-Thread";

	public static final String PROBLEM_JSON = "application/problem+json";

	private Api() {
	}

	/**
	 * The path as a metrics tag: itself when it is an endpoint, one value for all of CGI,
	 * otherwise another. Always one of the constants above, never the request's own
	 * string, so that a recorder keyed by it (on every request) compares by identity and
	 * a hash computed once.
	 */
	public static String pathTag(String path) {
		int endpoint = PATHS.indexOf(path);
		if (endpoint >= 0) {
			return PATHS.get(endpoint);
		}
		if (BLOCK_EVENT_LOOP.equals(path)) {
			return BLOCK_EVENT_LOOP;
		}
		if (path.startsWith(DB_ITEMS + "/")) {
			return DB_ITEM_TAG;
		}
		return path.startsWith(CGI + "/") ? CGI_TAG : OTHER_PATHS;
	}

}
