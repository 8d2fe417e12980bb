package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.CpuWork;
import dev.stackbench.workload.Hello;
import dev.stackbench.workload.ProblemType;
import dev.stackbench.workload.SampleDocument;
import dev.stackbench.workload.db.Fortunes;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Every endpoint a few times, with its body checked: the first run against a freshly
 * started app, and the one that says whether the contract holds under a real HTTP client
 * before any load is applied.
 */
public class SmokeSimulation extends Simulation {

	private static final int CPU_WORK = 10;

	private static final int SLOW_DELAY_MILLIS = 50;

	/**
	 * The load of a run.
	 *
	 * @param rounds how many times every endpoint is asked for
	 */
	public record Load(int rounds) {
	}

	public static final Load DEFAULTS = new Load(3);

	private final Parameters parameters = new Parameters(SmokeSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final ChainBuilder everyEndpoint = exec(
			http("hello").get(Api.HELLO).check(Http.ok()).check(bodyString().is(Hello.TEXT)),
			http("json").get(Api.JSON)
				.check(Http.ok())
				.check(jsonPath("$.project").is(SampleDocument.INSTANCE.project()),
						jsonPath("$.stacks[1]").is(SampleDocument.INSTANCE.stacks().get(1))),
			http("slow").get(Api.SLOW + "?delay=" + SLOW_DELAY_MILLIS)
				.check(Http.ok())
				.check(responseTimeInMillis().gte(SLOW_DELAY_MILLIS)),
			http("cpu").get(Api.CPU + "?work=" + CPU_WORK)
				.check(Http.ok())
				.check(jsonPath("$.digest").is(CpuWork.compute(CPU_WORK).digest())),
			http("echo").post(Api.ECHO)
				.body(StringBody("{\"ping\":[1,2,{\"pong\":true}]}"))
				.asJson()
				.check(Http.ok())
				.check(bodyString().is("{\"ping\":[1,2,{\"pong\":true}]}")),
			http("db query").get(Api.DB_QUERY + "?delay=5&rows=3")
				.check(Http.ok())
				.check(jsonPath("$.rows[2].label").is("row 3")),
			http("db fortunes").get(Api.DB_FORTUNES)
				.check(Http.ok())
				.check(substring(Fortunes.ADDED_AT_REQUEST_TIME).exists()),
			http("db item").post(Api.DB_ITEMS)
				.body(StringBody("{\"name\":\"smoke\",\"quantity\":1}"))
				.asJson()
				.check(status().is(201), jsonPath("$.name").is("smoke"), header("Location").saveAs("item")),
			http("db item read").get("#{item}").check(Http.ok()).check(jsonPath("$.quantity").is("1")),
			http("bad parameter").get(Api.SLOW + "?delay=-1")
				.check(status().is(400), header("Content-Type").is(Api.PROBLEM_JSON),
						jsonPath("$.type").is(ProblemType.BAD_PARAMETER.type().toString())),
			http("unknown path").get("/api/nothing-here")
				.check(status().is(404), jsonPath("$.type").is(ProblemType.NOT_FOUND.type().toString())));

	private final ScenarioBuilder smoke = scenario("smoke").repeat(this.load.rounds()).on(this.everyEndpoint);

	{
		this.parameters.print("");
		setUp(this.smoke.injectOpen(atOnceUsers(1))).protocols(Http.perUserConnections(this.baseUrl))
			.assertions(global().failedRequests().count().is(0L),
					global().allRequests().count().is(11L * this.load.rounds()));
	}

}
