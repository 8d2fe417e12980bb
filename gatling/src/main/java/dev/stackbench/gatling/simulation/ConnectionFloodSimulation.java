package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import java.time.Duration;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The C10k problem: thousands of clients, each on its own connection, each waiting on a
 * long slow request, all at the same time. A server with a thread per request needs a
 * thread per connection; one with an event loop needs a timer. Connections the server
 * refuses, resets or never answers show in the report's error table (by exception:
 * connection refused, connection reset, request timeout), and requests still unanswered
 * when the run's time is up are the difference between {@code connections} and the
 * requests counted.
 */
public class ConnectionFloodSimulation extends Simulation {

	private final Parameters parameters = new Parameters(ConnectionFloodSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final int connections = this.parameters.integer("connections", 4_000);

	private final Duration ramp = this.parameters.seconds("rampSeconds", 10);

	private final int delayMillis = this.parameters.integer("delay", 10_000);

	private final int maxQueueMillis = this.parameters.integer("maxQueueMillis", 5_000);

	/**
	 * How long after the last connection opens the run waits for answers before it counts
	 * the rest as lost.
	 */
	private final Duration patience = this.parameters.seconds("patienceSeconds", 30);

	private final ScenarioBuilder flood = scenario("one long request per connection")
		.exec(Http.slowPage(this.delayMillis));

	{
		this.parameters.print(LittlesLaw.explain(this.connections / (double) this.ramp.toSeconds(), this.delayMillis)
				+ " Connections open at the peak: up to " + this.connections + ".");
		setUp(this.flood.injectOpen(rampUsers(this.connections).during(this.ramp)))
			.protocols(Http.perUserConnections(this.baseUrl))
			.maxDuration(this.ramp.plusMillis(this.delayMillis).plus(this.patience))
			.assertions(global().successfulRequests().count().is((long) this.connections),
					global().responseTime().max().lte(this.delayMillis + this.maxQueueMillis));
	}

}
