package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.List;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A closed model that steps concurrency up (1, 8, 32, 128, 512 users by default), one step after the other. Each
 * user keeps its connection and sends its next request as soon as the last one answers, so a step's throughput is
 * what the server sustains at that concurrency. Each step's requests carry the step in their name ("GET /api/hello
 * @ 32 users"), so the report has one row per step: throughput and latency against concurrency.
 */
public class ThroughputSimulation extends Simulation {

	private final Parameters parameters = new Parameters(ThroughputSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final String path = this.parameters.text("path", "/api/hello");

	private final List<Integer> users = this.parameters.integers("users", "1,8,32,128,512");

	private final Duration step = this.parameters.seconds("stepSeconds", 10);

	private final int maxP95Millis = this.parameters.integer("maxP95Millis", 2_000);

	private final double maxFailedPercent = this.parameters.decimal("maxFailedPercent", 0.0);

	/** The name of each request sent at a given concurrency, which is also its row in the report. */
	public static String requestName(String path, int users) {
		return "GET " + path + " @ " + users + " users";
	}

	{
		this.parameters.print("");
		// Steps run one after the other: each starts when the last user of the previous one has finished.
		PopulationBuilder steps = null;
		for (int users : this.users.reversed()) {
			PopulationBuilder step = scenario(users + " users").during(this.step)
				.on(http(requestName(this.path, users)).get(this.path).check(Http.ok()))
				.injectOpen(atOnceUsers(users));
			steps = (steps == null) ? step : step.andThen(steps);
		}
		setUp(steps).protocols(Http.perUserConnections(this.baseUrl))
			.assertions(forAll().failedRequests().percent().lte(this.maxFailedPercent),
					global().responseTime().percentile(95.0).lt(this.maxP95Millis));
	}

}
