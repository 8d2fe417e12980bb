package dev.stackbench.contract;

import java.util.Map;

/**
 * How an app under test serves requests, and therefore what the contract suite expects of
 * its concurrency, its thread names and its reported tuning. A contract test class names
 * its model and nothing else.
 */
public enum ServingModel {

	/** A bounded pool of platform threads, one per request in flight. */
	PLATFORM_THREADS("servlet", "servlet-app", "platform-threads", "http-nio-[\\w-]+-exec-\\d+",
			Concurrency.THREAD_PER_REQUEST, Map.of("virtual-threads", false, "threads.max", 200)),

	/** A new virtual thread per request. */
	VIRTUAL_THREADS("servlet", "servlet-app-virtual", "virtual-threads", "tomcat-handler-\\d+",
			Concurrency.THREAD_PER_REQUEST, Map.of("virtual-threads", true)),

	/** One request thread: the sequential server. */
	SINGLE_THREAD("servlet", "servlet-app-single-thread", "single-thread", "http-nio-[\\w-]+-exec-1",
			Concurrency.SEQUENTIAL, Map.of("virtual-threads", false, "threads.max", 1)),

	/** A few event loops shared by all connections. */
	EVENT_LOOPS("reactive", "reactive-app", "event-loops", "reactor-http-(epoll|nio)-\\d+", Concurrency.SHARED_THREADS,
			Map.of("accept-loops", 1)),

	/** One event loop for everything, still concurrent for waiting work. */
	SINGLE_EVENT_LOOP("reactive", "reactive-app-single-loop", "single-event-loop", "reactor-http-(epoll|nio)-\\d+",
			Concurrency.ONE_SHARED_THREAD, Map.of("event-loops", 1, "accept-loops", 1));

	private final String stack;

	private final String application;

	private final String model;

	private final String threadNamePattern;

	private final Concurrency concurrency;

	private final Map<String, Object> tuning;

	ServingModel(String stack, String application, String model, String threadNamePattern, Concurrency concurrency,
			Map<String, Object> tuning) {
		this.stack = stack;
		this.application = application;
		this.model = model;
		this.threadNamePattern = threadNamePattern;
		this.concurrency = concurrency;
		this.tuning = tuning;
	}

	/** The {@code X-Stack} header. */
	public String stack() {
		return this.stack;
	}

	/** The {@code application} tag on every meter. */
	public String application() {
		return this.application;
	}

	/** The model the app reports on {@code /actuator/info}. */
	public String model() {
		return this.model;
	}

	/** What the {@code X-Thread} header looks like. */
	public String threadNamePattern() {
		return this.threadNamePattern;
	}

	public Concurrency concurrency() {
		return this.concurrency;
	}

	/** Knobs the app must report with exactly these values. */
	public Map<String, Object> tuning() {
		return this.tuning;
	}

	/** What K simultaneous slow requests look like from outside. */
	public enum Concurrency {

		/** All K are served at once, each on its own thread. */
		THREAD_PER_REQUEST,

		/** One at a time, on the same thread: K requests take K delays. */
		SEQUENTIAL,

		/** All K at once, on fewer threads than requests. */
		SHARED_THREADS,

		/** All K at once, on one thread. */
		ONE_SHARED_THREAD

	}

}
