package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;

import dev.stackbench.workload.Api;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A long mixed load at a steady rate: every endpoint, bad requests among them, for ten
 * minutes by default. What it looks for is drift: errors that appear after a while,
 * latency that creeps up, and (in the comparison report) heap after GC that grows from
 * the start of the run to its end.
 */
public class SoakSimulation extends Simulation {

	/**
	 * The load of a run.
	 *
	 * @param rate new requests a second, each to one of the endpoints at random
	 * @param durationSeconds how long requests arrive
	 * @param maxP99Millis the p99 every request together must stay under
	 * @param maxFailedPercent the share of requests that may fail
	 */
	public record Load(double rate, int durationSeconds, int maxP99Millis, double maxFailedPercent) {
	}

	public static final Load DEFAULTS = new Load(200, 600, 2_000, 0.0);

	private final Parameters parameters = new Parameters(SoakSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration duration = Duration.ofSeconds(this.load.durationSeconds());

	private final ScenarioBuilder mixed = scenario("mixed load").exec(uniformRandomSwitch().on(
			http("hello").get(Api.HELLO).check(Http.ok()), http("json").get(Api.JSON).check(Http.ok()),
			Http.slowPage(50), http("cpu").get(Api.CPU + "?work=1000").check(Http.ok()),
			http("echo").post(Api.ECHO).body(StringBody("{\"soak\":[1,2,3]}")).asJson().check(Http.ok()),
			http("bad parameter").get(Api.SLOW + "?delay=abc").check(status().is(400)),
			http("unknown path").get("/api/soak-nothing").check(status().is(404))));

	{
		this.parameters.print("");
		setUp(this.mixed.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration)))
			.protocols(Http.sharedConnections(this.baseUrl))
			.maxDuration(this.duration.plusSeconds(60))
			.assertions(global().failedRequests().percent().lte(this.load.maxFailedPercent()),
					global().responseTime().percentile(99.0).lt(this.load.maxP99Millis()));
	}

}
