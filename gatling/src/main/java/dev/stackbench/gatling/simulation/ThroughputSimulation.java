package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.pace;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A closed model that steps concurrency up (1, 8, 32, 128, 512 users by default), one
 * step after the other. Each user keeps its connection and sends its next request as soon
 * as the last one answers, so a step's throughput is what the server sustains at that
 * concurrency. Each step's requests carry the step in their name ("GET /api/hello
 *
 * @ 32 users"), so the report has one row per step: throughput and latency against
 * concurrency.
 * <p>
 * With a {@code probePath}, one more user asks for that page every 10 ms on a connection
 * of its own while the steps run: how long the load makes an unrelated request wait (a
 * plain page while every user waits on a slow one, say). It starts two seconds in, once a
 * step's users are all in flight: their first requests all arrive in the same
 * millisecond, a storm of its own that real arrivals never make. Its row is named by
 * {@link #probeName}.
 */
public class ThroughputSimulation extends Simulation {

	/**
	 * The load of a run.
	 *
	 * @param path the page every user asks for
	 * @param users the concurrency of each step, in order
	 * @param stepSeconds how long each step lasts
	 * @param maxP95Millis the p95 every request together must stay under
	 * @param maxFailedPercent the share of failed requests each step may have
	 * @param probePath a page one more user asks for every 10 ms meanwhile, or empty for
	 * none
	 */
	public record Load(String path, List<Integer> users, int stepSeconds, int maxP95Millis, double maxFailedPercent,
			String probePath) {

		public Load {
			users = List.copyOf(users);
			probePath = (probePath != null) ? probePath : "";
		}

	}

	public static final Load DEFAULTS = new Load("/api/hello", List.of(1, 8, 32, 128, 512), 10, 2_000, 0.0, "");

	private final Parameters parameters = new Parameters(ThroughputSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration step = Duration.ofSeconds(this.load.stepSeconds());

	/**
	 * Often enough to catch a stall of a few tens of milliseconds, rarely enough to add
	 * no load of its own.
	 */
	private static final Duration PROBE_PACE = Duration.ofMillis(10);

	private static final Duration PROBE_DELAY = Duration.ofSeconds(2);

	private static final String PROBE_PREFIX = "probe: ";

	/**
	 * The name of each request sent at a given concurrency, which is also its row in the
	 * report.
	 */
	public static String requestName(String path, int users) {
		return "GET " + path + " @ " + users + " users";
	}

	/** The name of the probe's requests, and of its row in the report. */
	public static String probeName(String path) {
		return PROBE_PREFIX + "GET " + path;
	}

	public static boolean isProbe(String requestName) {
		return requestName.startsWith(PROBE_PREFIX);
	}

	{
		this.parameters.print("");
		// Steps run one after the other: each starts when the last user of the previous
		// one has finished.
		PopulationBuilder steps = null;
		for (int users : this.load.users().reversed()) {
			PopulationBuilder step = scenario(users + " users").during(this.step)
				.on(http(requestName(this.load.path(), users)).get(this.load.path()).check(Http.ok()))
				.injectOpen(atOnceUsers(users));
			steps = (steps == null) ? step : step.andThen(steps);
		}
		List<PopulationBuilder> populations = new ArrayList<>(List.of(steps));
		if (!this.load.probePath().isEmpty()) {
			populations
				.add(scenario("probe").during(this.step.multipliedBy(this.load.users().size()).minus(PROBE_DELAY))
					.on(pace(PROBE_PACE)
						.exec(http(probeName(this.load.probePath())).get(this.load.probePath()).check(Http.ok())))
					.injectOpen(nothingFor(PROBE_DELAY), atOnceUsers(1)));
		}
		setUp(populations).protocols(Http.perUserConnections(this.baseUrl))
			.assertions(forAll().failedRequests().percent().lte(this.load.maxFailedPercent()),
					global().responseTime().percentile(95.0).lt(this.load.maxP95Millis()));
	}

}
