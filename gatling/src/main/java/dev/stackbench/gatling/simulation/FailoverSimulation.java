package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.List;

import dev.stackbench.workload.Api;
import io.gatling.javaapi.core.Simulation;

/**
 * Steady open-model load through a load balancer while the comparison stops one replica
 * and starts it again: {@code rate} reads a second of a page that waits (idempotent, so
 * the balancer may send one again to another replica) and {@code writeRate} writes a
 * second ({@code POST /api/echo}, which it must not). Each request arrives when its time
 * comes, so the seconds around the stop show as latency and failures, not as a client
 * that slowed down. Arrivals are randomized (Poisson-like): two evenly spaced streams at
 * the same rate interleave read, write, read, write, and round robin over two replicas
 * then sent every read to one and every write to the other (measured here: 20 slow
 * requests in flight on one replica, none on the other). The simulation only applies the
 * load; which signal stops the replica, and when, is the comparison's ({@code phase}
 * names the rows after it).
 */
public class FailoverSimulation extends Simulation {

	/** The phase in which a replica is killed: SIGKILL, a crash. */
	public static final String CRASH = "SIGKILL";

	/** The phase in which a replica is stopped gracefully: SIGTERM. */
	public static final String GRACEFUL = "SIGTERM";

	public static final List<String> PHASES = List.of(CRASH, GRACEFUL);

	private static final String WRITTEN = "{\"failover\":true}";

	/**
	 * The load of a run.
	 *
	 * @param path the page read, idempotent
	 * @param rate reads a second
	 * @param writeRate writes a second, which the balancer does not send twice
	 * @param durationSeconds how long requests arrive
	 * @param maxFailedPercent the share of requests that may fail
	 * @param phase the phase the rows are named after: {@link FailoverSimulation#CRASH}
	 * or {@link FailoverSimulation#GRACEFUL}
	 */
	public record Load(String path, double rate, double writeRate, int durationSeconds, double maxFailedPercent,
			String phase) {

		public Load {
			phase = (phase != null) ? phase : "";
		}

	}

	public static final Load DEFAULTS = new Load("/api/slow?delay=200", 100, 100, 45, 1.0, CRASH);

	private final Parameters parameters = new Parameters(FailoverSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration duration = Duration.ofSeconds(this.load.durationSeconds());

	/** The row of a phase's reads. */
	public static String readRow(String phase, String path) {
		return phase + ": GET " + path;
	}

	/** The row of a phase's writes. */
	public static String writeRow(String phase) {
		return phase + ": POST " + Api.ECHO;
	}

	{
		this.parameters.print("the comparison stops one replica and starts it again while this runs");
		setUp(scenario(this.load.phase() + " reads")
			.exec(http(readRow(this.load.phase(), this.load.path())).get(this.load.path()).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.load.rate()).during(this.duration).randomized()),
				scenario(this.load.phase() + " writes")
					.exec(http(writeRow(this.load.phase())).post(Api.ECHO)
						.body(StringBody(WRITTEN))
						.asJson()
						.check(Http.ok())
						.check(bodyString().is(WRITTEN)))
					.injectOpen(constantUsersPerSec(this.load.writeRate()).during(this.duration).randomized()))
			.protocols(Http.sharedConnections(this.baseUrl))
			.maxDuration(this.duration.plusSeconds(30))
			.assertions(global().failedRequests().percent().lte(this.load.maxFailedPercent()));
	}

}
