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

	private final Parameters parameters = new Parameters(DatabaseSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final String path = this.parameters.text("path", "/api/db/query?delay=10");

	private final int users = this.parameters.integer("users", 1000);

	private final Duration closed = this.parameters.seconds("closedSeconds", 15);

	private final double rate = this.parameters.decimal("rate", 1200);

	private final Duration open = this.parameters.seconds("openSeconds", 8);

	{
		this.parameters.print("");
		PopulationBuilder closedModel = scenario(CLOSED).during(this.closed)
			.on(http(CLOSED).get(this.path).check(Http.ok()))
			.injectOpen(atOnceUsers(this.users))
			.protocols(Http.perUserConnections(this.baseUrl));
		PopulationBuilder openModel = scenario(OPEN).exec(http(OPEN).get(this.path).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.rate).during(this.open))
			.protocols(Http.sharedConnections(this.baseUrl));
		// Past the bound the queue outlives the arrivals: what is not answered within
		// this margin counts as not answered.
		setUp(closedModel.andThen(openModel)).maxDuration(this.closed.plus(this.open).plusSeconds(20))
			.assertions(details(CLOSED).failedRequests().count().is(0L));
	}

}
