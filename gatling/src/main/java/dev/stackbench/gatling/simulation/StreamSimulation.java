package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.sse;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.EventStream;
import io.gatling.http.action.sse.SseInboundMessage;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Server-sent events: {@code subscribers} clients, ramped in, each open one stream of
 * {@code events} events {@code intervalMillis} apart ({@code GET /api/stream}) and read
 * it to its end. A long-lived response that mostly waits: on the servlet app each open
 * stream holds a request thread (a platform thread for its whole life, or a virtual
 * thread that unmounts while it sleeps), on the reactive app only a timer. A stack that
 * runs out of threads starts streams late, and every event of a late stream is late.
 * <p>
 * Three rows come out of a run:
 * <ul>
 * <li>{@link #CONNECT}: each stream from its request to the response's status and
 * headers. The reactive app commits its headers with the first event (spring-web 7 writes
 * a streamed body through {@code ChannelSendOperator}, which commits the response on its
 * first element), so there this is one interval longer than on the servlet app, which
 * flushes them at once.</li>
 * <li>{@link #STREAM}: each stream from its headers to its last event; failed when the
 * stream crashed, ended early or did not deliver its last event in time. A stream refused
 * (an error status, a reset) fails {@link #CONNECT} instead.</li>
 * <li>{@link #LATENESS}: one response per event delivered, whose response time is how
 * late the event came against its schedule: event {@code n} (from 1) is due
 * {@code n x intervalMillis} after its subscriber sent the request, the start of
 * {@link #CONNECT}. Its percentiles are lateness percentiles, and its count the events
 * delivered ({@link #EVENTS}). Gatling counts every response as at least 1 ms, so an
 * event on time shows as 1 ms.</li>
 * </ul>
 * <p>
 * Why the lateness is timed here and not by Gatling's SSE checks: Gatling (3.15,
 * {@code SsePerformingCheckState}) times each awaited message from the start of its check
 * sequence, which is the moment the headers arrived for the connect's await, and the
 * arrival of the message that completed the previous sequence for the next. A row of one
 * await per event would therefore show the gap between two events (the interval plus the
 * change in lateness), not lateness against the schedule: a server that falls 5 ms
 * further behind with every event would show 5 ms for each, when its 50th event is 250 ms
 * late. And an event that comes while no check is set is not checked at all (setting a
 * check clears what came before). So each stream has one await, on its last event; the
 * events before it stay in Gatling's buffer of unmatched messages with the moment each
 * arrived, and each event's lateness is logged as a response of its own
 * ({@link RecordedResponses}). The due times count from the request, not from the
 * headers, so that both stacks are measured from the same moment and a stream that waited
 * to start shows as late.
 */
public class StreamSimulation extends Simulation {

	/**
	 * Each stream, from its request to the response's status and headers: refused or
	 * failed streams fail here.
	 */
	public static final String CONNECT = "stream: connect";

	/**
	 * Each stream, from its headers to its last event; failed when it crashed, ended
	 * early or its last event did not come in time.
	 */
	public static final String STREAM = "stream: until the last event";

	/**
	 * Each event delivered, its response time how late it came against its schedule, in
	 * milliseconds (at least 1).
	 */
	public static final String LATENESS = "stream: event lateness";

	/**
	 * The row whose count is the events delivered: {@link #LATENESS}, one response per
	 * event.
	 */
	public static final String EVENTS = LATENESS;

	/**
	 * How long past its schedule a stream's last event is awaited before the stream
	 * counts as failed: far past any lateness the assertions accept, so that a late run
	 * still says how late.
	 */
	private static final Duration AWAIT_MARGIN = Duration.ofSeconds(30);

	private static final String OPENED = "stream.openedMillis";

	private static final String LAST_ARRIVED = "stream.lastArrivedMillis";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * The load of a run.
	 *
	 * @param subscribers clients, each opening one stream and reading it to its end
	 * @param rampSeconds how long the subscribers take to arrive, evenly spread (0: all
	 * at once)
	 * @param events events in each stream (1 to 1000, as {@code /api/stream} serves)
	 * @param intervalMillis milliseconds between two events, and before the first (1 to
	 * 10,000)
	 * @param maxLateMillis how late the latest event may come. Loose, for a loaded
	 * two-core machine where the load generator shares the CPU with the app, and where
	 * the lateness also holds the time a stream took to connect: 100 streams of 20 events
	 * against a servlet app just started had a latest event 204 ms late (p50 13 ms, p99
	 * 181 ms); a stream that waited seconds for a thread still fails it
	 * @param maxFailedPercent the share of responses that may fail, and of events that
	 * may be missing
	 */
	public record Load(int subscribers, int rampSeconds, int events, int intervalMillis, int maxLateMillis,
			double maxFailedPercent) {

		public Load {
			require(subscribers >= 1, "subscribers must be at least 1, not " + subscribers);
			require(rampSeconds >= 0, "rampSeconds must be 0 or more, not " + rampSeconds);
			require(1 <= events && events <= EventStream.MAX_COUNT,
					"events must be 1 to " + EventStream.MAX_COUNT + " (what /api/stream serves), not " + events);
			require(1 <= intervalMillis && intervalMillis <= EventStream.MAX_INTERVAL_MILLIS,
					"intervalMillis must be 1 to " + EventStream.MAX_INTERVAL_MILLIS
							+ " (what /api/stream serves), not " + intervalMillis);
			require(maxLateMillis >= 1, "maxLateMillis must be at least 1, not " + maxLateMillis);
			require(0 <= maxFailedPercent && maxFailedPercent <= 100,
					"maxFailedPercent must be 0 to 100, not " + maxFailedPercent);
		}

		/** How long each stream lasts by its schedule: its last event is due then. */
		public Duration streamLength() {
			return Duration.ofMillis((long) this.events * this.intervalMillis);
		}

		/**
		 * Streams open at once at the peak, by Little's law: subscribers arriving a
		 * second times how long each stream lasts, at most all of them.
		 */
		public double peakStreams() {
			if (this.rampSeconds == 0) {
				return this.subscribers;
			}
			return Math.min(this.subscribers,
					LittlesLaw.concurrency(this.subscribers / (double) this.rampSeconds, streamLength().toMillis()));
		}

		/** Events delivered a second at the peak. */
		public double peakEventsPerSecond() {
			return peakStreams() * 1000.0 / this.intervalMillis;
		}

		private static void require(boolean condition, String message) {
			if (!condition) {
				throw new IllegalArgumentException(message);
			}
		}

	}

	/**
	 * 1,000 subscribers over 5 s, each stream 50 events 200 ms apart (10 s): every stream
	 * is open at the peak, and 5,000 events a second are delivered.
	 */
	public static final Load DEFAULTS = new Load(1_000, 5, 50, 200, 1_000, 0.0);

	/** The page each subscriber opens. */
	public static String path(int events, int intervalMillis) {
		return Api.STREAM + "?" + EventStream.COUNT_PARAMETER + "=" + events + "&" + EventStream.INTERVAL_PARAMETER
				+ "=" + intervalMillis;
	}

	/**
	 * The number of the event a message carries (1 to {@code events}), as Gatling hands
	 * an SSE message over ({@code {"event":"tick","id":"3","data":{"n":3,"of":50}}}), or
	 * -1 when the message is not one of the stream's events.
	 */
	static long eventNumber(String message, int events) {
		JsonNode event;
		try {
			event = JSON.readTree(message);
		}
		catch (JacksonException ex) {
			return -1;
		}
		long n = event.path("data").path("n").asLong(-1);
		boolean wellFormed = EventStream.EVENT_NAME.equals(event.path("event").asString(null))
				&& String.valueOf(n).equals(event.path("id").asString(null))
				&& event.path("data").path("of").asLong(-1) == events;
		return (wellFormed && 1 <= n && n <= events) ? n : -1;
	}

	private final Parameters parameters = new Parameters(StreamSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final RecordedResponses recorded = new RecordedResponses();

	private final ScenarioBuilder subscribers = scenario("subscribers").exec(this.recorded.attach())
		.exec((session) -> session.set(OPENED, this.recorded.nowMillis()))
		.exec(sse(CONNECT).get(path(this.load.events(), this.load.intervalMillis()))
			.await(this.load.streamLength().plus(AWAIT_MARGIN))
			.on(sse.checkMessage(STREAM)
				.matching(jsonPath("$.id").is(String.valueOf(this.load.events())))
				// The last event is matched, so it is not among the unmatched messages
				// with the moment it arrived: the check notes that moment itself, as the
				// message is handed to it.
				.check(jsonPath("$.data.of").ofInt().is(this.load.events()),
						jsonPath("$.id").transform((id) -> this.recorded.nowMillis()).saveAs(LAST_ARRIVED))))
		.exec(sse.processUnmatchedMessages(this::logLateness));

	{
		this.parameters.print(String.format(Locale.ROOT,
				"Each stream lasts %.1f s; at the peak %.0f streams are open and %.0f events a second delivered.",
				this.load.streamLength().toMillis() / 1000.0, this.load.peakStreams(),
				this.load.peakEventsPerSecond()));
		OpenInjectionStep arrivals = (this.load.rampSeconds() == 0) ? atOnceUsers(this.load.subscribers())
				: rampUsers(this.load.subscribers()).during(Duration.ofSeconds(this.load.rampSeconds()));
		long events = (long) this.load.subscribers() * this.load.events();
		setUp(this.subscribers.injectOpen(arrivals))
			// Every event of a stream waits in Gatling's buffer until the stream ends.
			.protocols(Http.perUserConnections(this.baseUrl).sseUnmatchedInboundMessageBufferSize(this.load.events()))
			.maxDuration(Duration.ofSeconds(this.load.rampSeconds())
				.plus(this.load.streamLength())
				.plus(AWAIT_MARGIN)
				.plusSeconds(30))
			.assertions(global().failedRequests().percent().lte(this.load.maxFailedPercent()),
					details(EVENTS).successfulRequests()
						.count()
						.gte(Math.round(events * (1 - this.load.maxFailedPercent() / 100))),
					details(LATENESS).responseTime().max().lt(this.load.maxLateMillis()));
	}

	/**
	 * Logs how late each event came: event {@code n} was due {@code n x intervalMillis}
	 * after the stream's request.
	 */
	private Session logLateness(List<SseInboundMessage> messages, Session session) {
		long opened = session.getLong(OPENED);
		for (SseInboundMessage message : messages) {
			long n = eventNumber(message.message(), this.load.events());
			if (n < 0) {
				this.recorded.log(session, LATENESS, message.timestamp(), message.timestamp(),
						"not an event of the stream: " + message.message());
			}
			else {
				logEvent(session, opened, n, message.timestamp());
			}
		}
		if (session.contains(LAST_ARRIVED)) {
			logEvent(session, opened, this.load.events(), session.getLong(LAST_ARRIVED));
		}
		return session;
	}

	private void logEvent(Session session, long opened, long n, long arrived) {
		long due = opened + n * this.load.intervalMillis();
		this.recorded.log(session, LATENESS, Math.min(due, arrived), arrived, null);
	}

}
