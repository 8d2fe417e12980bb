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

	/** Every endpoint path; metrics tag anything else as {@link #OTHER_PATHS} to keep tag cardinality bounded. */
	public static final List<String> PATHS = List.of(HELLO, JSON, SLOW, CPU, ECHO);

	/**
	 * The reactive app only: {@code /api/slow} done wrong, sleeping on the event loop itself, so that a workshop
	 * sees every other connection of that loop stall. Not part of the contract both apps share (the servlet app
	 * answers 404), and never to be copied.
	 */
	public static final String BLOCK_EVENT_LOOP = "/api/antipattern/block-event-loop";

	public static final String OTHER_PATHS = "/**";

	/** Which stack answered: {@code servlet} or {@code reactive}. */
	public static final String STACK_HEADER = "X-Stack";

	/** The thread that ran the handler, so a person can see the concurrency model at work. */
	public static final String THREAD_HEADER = "X-Thread";

	public static final String PROBLEM_JSON = "application/problem+json";

	private Api() {
	}

	/** The path as a metrics tag: itself when it is an endpoint, otherwise one shared value. */
	public static String pathTag(String path) {
		return (PATHS.contains(path) || BLOCK_EVENT_LOOP.equals(path)) ? path : OTHER_PATHS;
	}

}
