package dev.stackbench.gatling.simulation;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The connection pool as the bottleneck, on a query that holds a pooled connection for
 * its {@code delay}: first a closed model, {@code users} clients each sending again as
 * soon as answered (throughput settles at the pool's bound, pool size / delay, whatever
 * the threads; the rest wait for a connection), then an open model, {@code rate} new
 * requests a second past that bound, which the pool cannot keep up with: requests queue
 * for a connection until the acquire timeout turns them away (503) or, on a stack that
 * queues them before they ask for one, their latency grows.
 */
public class DatabaseSimulation extends Simulation {

	public static final String CLOSED = "pool, closed model";

	public static final String OPEN = "pool, open model past its bound";

	/**
	 * The load of a run.
	 *
	 * @param path the query every request asks for
	 * @param users closed-model users in the first part
	 * @param closedSeconds how long the closed model lasts
	 * @param rate new requests a second in the open model
	 * @param openSeconds how long the open model's requests arrive
	 */
	public record Load(String path, int users, int closedSeconds, double rate, int openSeconds) {
	}

	public static final Load DEFAULTS = new Load("/api/db/query?delay=10", 1_000, 15, 1_200, 8);

	private final Parameters parameters = new Parameters(DatabaseSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration closed = Duration.ofSeconds(this.load.closedSeconds());

	private final Duration open = Duration.ofSeconds(this.load.openSeconds());

	{
		this.parameters.print("");
		PopulationBuilder closedModel = scenario(CLOSED).during(this.closed)
			.on(http(CLOSED).get(this.load.path()).check(Http.ok()))
			.injectOpen(atOnceUsers(this.load.users()))
			.protocols(Http.perUserConnections(this.baseUrl));
		PopulationBuilder openModel = scenario(OPEN).exec(http(OPEN).get(this.load.path()).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.load.rate()).during(this.open))
			.protocols(Http.sharedConnections(this.baseUrl));
		// Past the bound the queue outlives the arrivals: what is not answered within
		// this margin counts as not answered.
		setUp(closedModel.andThen(openModel)).maxDuration(this.closed.plus(this.open).plusSeconds(20))
			.assertions(details(CLOSED).failedRequests().count().is(0L));
	}

}
