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

	/**
	 * The load of a run.
	 *
	 * @param connections clients, each on its own connection with one request
	 * @param rampSeconds how long the connections take to open, evenly spread
	 * @param delay how long each request waits on the server, in milliseconds
	 * @param maxQueueMillis how much longer than the delay the slowest answer may take
	 * @param patienceSeconds how long after the last connection opens the run waits for
	 * answers before it counts the rest as lost
	 */
	public record Load(int connections, int rampSeconds, int delay, int maxQueueMillis, int patienceSeconds) {
	}

	public static final Load DEFAULTS = new Load(4_000, 10, 10_000, 5_000, 30);

	private final Parameters parameters = new Parameters(ConnectionFloodSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration ramp = Duration.ofSeconds(this.load.rampSeconds());

	private final Duration patience = Duration.ofSeconds(this.load.patienceSeconds());

	private final ScenarioBuilder flood = scenario("one long request per connection")
		.exec(Http.slowPage(this.load.delay()));

	{
		this.parameters
			.print(LittlesLaw.explain(this.load.connections() / (double) this.ramp.toSeconds(), this.load.delay())
					+ " Connections open at the peak: up to " + this.load.connections() + ".");
		setUp(this.flood.injectOpen(rampUsers(this.load.connections()).during(this.ramp)))
			.protocols(Http.perUserConnections(this.baseUrl))
			.maxDuration(this.ramp.plusMillis(this.load.delay()).plus(this.patience))
			.assertions(global().successfulRequests().count().is((long) this.load.connections()),
					global().responseTime().max().lte(this.load.delay() + this.load.maxQueueMillis()));
	}

}
