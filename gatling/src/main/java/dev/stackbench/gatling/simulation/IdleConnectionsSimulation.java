package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.stackbench.workload.Api;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The C10k problem as most servers meet it: thousands of clients that each send one
 * request, get their answer and keep the connection open, idle, as browsers and pooled
 * clients do. Meanwhile a probe opens a new connection a few times a second and must be
 * answered. A server that gives each open connection a thread, or stops accepting at a
 * connection limit below the crowd, leaves the probe waiting; one that parks idle
 * connections in a selector answers it at once. Every idle connection stays open until
 * the same moment, {@code rampSeconds + holdSeconds} after the first one opened, so all
 * of them are open together for the whole hold; the probe runs in its first part.
 */
public class IdleConnectionsSimulation extends Simulation {

	/**
	 * The load of a run.
	 *
	 * @param connections idle keep-alive connections at the peak
	 * @param rampSeconds how long they take to open
	 * @param holdSeconds how long all of them stay open together
	 * @param probeSeconds how long into the hold the probe runs: the comparison reads the
	 * app's footprint in the rest of it, after a full garbage collection that pauses the
	 * app
	 * @param probesPerSecond new connections the probe opens a second
	 * @param maxProbeMillis the slowest answer the probe may get
	 */
	public record Load(int connections, int rampSeconds, int holdSeconds, int probeSeconds, double probesPerSecond,
			int maxProbeMillis) {
	}

	public static final Load DEFAULTS = new Load(10_000, 20, 20, 12, 5, 5_000);

	private final Parameters parameters = new Parameters(IdleConnectionsSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration ramp = Duration.ofSeconds(this.load.rampSeconds());

	private final Duration hold = Duration.ofSeconds(this.load.holdSeconds());

	private final Duration probe = Duration.ofSeconds(this.load.probeSeconds());

	/**
	 * When the first idle connection opened: every one of them closes a fixed time after.
	 */
	private final AtomicLong firstOpenedNanos = new AtomicLong();

	private final ScenarioBuilder idle = scenario("one request, then idle on its connection").exec((session) -> {
		this.firstOpenedNanos.compareAndSet(0, System.nanoTime());
		return session;
	})
		.exec(http("GET " + Api.HELLO + ", then idle").get(Api.HELLO).check(Http.ok()))
		.pause((session) -> Duration.ofNanos(
				Math.max(0, this.firstOpenedNanos.get() + this.ramp.plus(this.hold).toNanos() - System.nanoTime())));

	private final ScenarioBuilder newClients = scenario("probe on a new connection")
		.exec(http(ThroughputSimulation.probeName(Api.HELLO)).get(Api.HELLO).check(Http.ok()));

	{
		this.parameters.print("Idle keep-alive connections open at the peak: " + this.load.connections() + ", for "
				+ this.hold.toSeconds() + " s; for the first " + this.probe.toSeconds() + " s of it a probe opens "
				+ this.load.probesPerSecond() + " new ones a second.");
		setUp(this.idle.injectOpen(rampUsers(this.load.connections()).during(this.ramp)),
				this.newClients.injectOpen(nothingFor(this.ramp),
						constantUsersPerSec(this.load.probesPerSecond()).during(this.probe)))
			.protocols(Http.perUserConnections(this.baseUrl))
			.maxDuration(this.ramp.multipliedBy(2).plus(this.hold).plusSeconds(30))
			.assertions(global().failedRequests().count().is(0L),
					details(ThroughputSimulation.probeName(Api.HELLO)).responseTime()
						.max()
						.lt(this.load.maxProbeMillis()));
	}

}
