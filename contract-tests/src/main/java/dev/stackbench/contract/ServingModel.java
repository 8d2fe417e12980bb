package dev.stackbench.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an app under test serves requests, and therefore what the contract suite expects of
 * its concurrency, its thread names and its reported tuning. A contract test class names
 * its model and nothing else.
 */
public enum ServingModel {

	/** A bounded pool of platform threads, one per request in flight. */
	PLATFORM(Stack.SERVLET, "servlet-app", "platform", "https?-(jsse-)?nio-[\\w-]+-exec-\\d+",
			Concurrency.THREAD_PER_REQUEST, Map.of("virtual-threads", false, "threads.max", 200)),

	/** A new virtual thread per request. */
	VIRTUAL(Stack.SERVLET, "servlet-app-virtual", "virtual", "tomcat-handler-\\d+", Concurrency.THREAD_PER_REQUEST,
			Map.of("virtual-threads", true)),

	/** One request thread: the sequential server. */
	SINGLE_THREAD(Stack.SERVLET, "servlet-app-single-thread", "single-thread", "https?-(jsse-)?nio-[\\w-]+-exec-1",
			Concurrency.SEQUENTIAL, Map.of("virtual-threads", false, "threads.max", 1)),

	/** A few event loops shared by all connections. */
	REACTIVE(Stack.REACTIVE, "reactive-app", "reactive", "reactor-http-(epoll|nio)-\\d+", Concurrency.SHARED_THREADS,
			Map.of("accept-loops", 1)),

	/** One event loop for everything, still concurrent for waiting work. */
	SINGLE_LOOP(Stack.REACTIVE, "reactive-app-single-loop", "single-loop", "reactor-http-(epoll|nio)-\\d+",
			Concurrency.ONE_SHARED_THREAD, Map.of("event-loops", 1, "accept-loops", 1));

	private static final String VIRTUAL_THREAD_METRICS = "jvm_threads_virtual";

	/** The dashboards' pinned-threads panel. */
	private static final String VIRTUAL_THREADS_PINNED = VIRTUAL_THREAD_METRICS + "_pinned_seconds_count";

	private final Stack stack;

	private final String application;

	private final String model;

	private final String threadNamePattern;

	private final Concurrency concurrency;

	private final Map<String, Object> tuning;

	ServingModel(Stack stack, String application, String model, String threadNamePattern, Concurrency concurrency,
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
		return this.stack.header;
	}

	/**
	 * The web server's and the connection pool's own meters, which the dashboards read,
	 * and the virtual threads' where requests run on them.
	 */
	public List<String> serverMetrics() {
		return runsVirtualThreads()
				? Stream.concat(this.stack.serverMetrics.stream(), Stream.of(VIRTUAL_THREADS_PINNED)).toList()
				: this.stack.serverMetrics;
	}

	/**
	 * Meters (by the start of their name) the model must not pay for: Micrometer's
	 * virtual-thread binder keeps a JFR event stream running all the time, so only the
	 * model whose requests run on virtual threads has it.
	 */
	public List<String> absentMetrics() {
		return runsVirtualThreads() ? List.of() : List.of(VIRTUAL_THREAD_METRICS);
	}

	private boolean runsVirtualThreads() {
		return Boolean.TRUE.equals(this.tuning.get("virtual-threads"));
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

	/** The web stack a serving model runs on: what is the same for all of its models. */
	enum Stack {

		SERVLET("servlet",
				List.of("tomcat_threads_busy_threads", "tomcat_threads_config_max_threads",
						"tomcat_connections_current_connections", "tomcat_connections_config_max_connections",
						"hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
						"hikaricp_connections_acquire_seconds_count")),

		REACTIVE("reactive",
				List.of("reactor_netty_http_server_connections", "reactor_netty_http_server_connections_active",
						"reactor_netty_http_server_data_received_time_seconds_count",
						"reactor_netty_http_server_data_sent_bytes_total", "reactor_netty_eventloop_pending_tasks",
						"r2dbc_pool_acquired_connections", "r2dbc_pool_idle_connections",
						"r2dbc_pool_pending_connections"));

		private final String header;

		private final List<String> serverMetrics;

		Stack(String header, List<String> serverMetrics) {
			this.header = header;
			this.serverMetrics = serverMetrics;
		}

	}

	/** What K simultaneous slow requests look like from outside. */
	public enum Concurrency {

		/** All K are served at once, each on its own thread. */
		THREAD_PER_REQUEST {

			@Override
			void assertServed(Duration elapsed, Set<String> threads, int requests, Duration delay) {
				assertAllAtOnce(elapsed, delay);
				assertThat(threads).as("a thread each").hasSize(requests);
			}

		},

		/** One at a time, on the same thread: K requests take K delays. */
		SEQUENTIAL {

			@Override
			void assertServed(Duration elapsed, Set<String> threads, int requests, Duration delay) {
				assertThat(elapsed).as("one after another").isGreaterThanOrEqualTo(delay.multipliedBy(requests));
				assertThat(threads).as("all on the one thread").hasSize(1);
			}

		},

		/** All K at once, on fewer threads than requests. */
		SHARED_THREADS {

			@Override
			void assertServed(Duration elapsed, Set<String> threads, int requests, Duration delay) {
				assertAllAtOnce(elapsed, delay);
				assertThat(threads).as("fewer threads than requests").hasSizeLessThan(requests);
			}

		},

		/** All K at once, on one thread. */
		ONE_SHARED_THREAD {

			@Override
			void assertServed(Duration elapsed, Set<String> threads, int requests, Duration delay) {
				assertAllAtOnce(elapsed, delay);
				assertThat(threads).as("all on the one event loop").hasSize(1);
			}

		};

		/**
		 * Checks how {@code requests} simultaneous requests of {@code delay} each were
		 * served: how long all of them took, and on which threads ({@code X-Thread}).
		 */
		abstract void assertServed(Duration elapsed, Set<String> threads, int requests, Duration delay);

		/** Requests served at once take about one delay, never their sum. */
		private static void assertAllAtOnce(Duration elapsed, Duration delay) {
			assertThat(elapsed).as("all at once").isLessThan(delay.multipliedBy(3));
		}

	}

}
