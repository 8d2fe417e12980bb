package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.forAll;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The same closed-model users on each page twice: over HTTP/1.1 with keep-alive, each
 * user on its own connection, then over HTTP/2, all users' requests as streams
 * multiplexed over the connections they share (ALPN picks the protocol, so the base URL
 * is {@code https}). On a page that waits, HTTP/1.1 needs a connection per request in
 * flight; HTTP/2 needs one per {@code SETTINGS_MAX_CONCURRENT_STREAMS} of them.
 */
public class MultiplexingSimulation extends Simulation {

	public static final String HTTP1 = "HTTP/1.1 keep-alive";

	public static final String HTTP2 = "HTTP/2";

	/**
	 * The first user alone, then the others over a second, the same for both protocols:
	 * users that all start before the first connection is up each open their own, even
	 * over shared HTTP/2 connections (measured: 200 connections for 200 users at once).
	 */
	private static final Duration RAMP_PAUSE = Duration.ofMillis(500);

	private static final Duration RAMP = Duration.ofSeconds(1);

	/**
	 * The load of a run.
	 *
	 * @param paths the pages, each run over both protocols in turn
	 * @param users closed-model users in each phase
	 * @param phaseSeconds how long each phase lasts
	 * @param maxP95Millis the p95 each phase must stay under
	 * @param phase only the phase of this name (a
	 * {@link MultiplexingSimulation#phaseName}), or every one when empty
	 */
	public record Load(List<String> paths, int users, int phaseSeconds, int maxP95Millis, String phase) {

		public Load {
			paths = List.copyOf(paths);
			phase = (phase != null) ? phase : "";
		}

	}

	public static final Load DEFAULTS = new Load(List.of("/api/hello", "/api/slow?delay=100"), 200, 8, 2_000, "");

	private final Parameters parameters = new Parameters(MultiplexingSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final Load load = SimulationLoad.read(Load.class, DEFAULTS);

	private final Duration phaseLength = Duration.ofSeconds(this.load.phaseSeconds());

	/** A phase's name, which is also its requests' row in the report. */
	public static String phaseName(String protocol, String path) {
		return protocol + " " + path;
	}

	private PopulationBuilder phase(String protocol, String path) {
		String name = phaseName(protocol, path);
		PopulationBuilder population = scenario(name).during(this.phaseLength)
			.on(http(name).get(path).check(Http.ok()))
			.injectOpen(atOnceUsers(1), nothingFor(RAMP_PAUSE), rampUsers(this.load.users() - 1).during(RAMP));
		// Told that the server speaks HTTP/2 (prior knowledge of what ALPN will pick):
		// otherwise, until the first connection's ALPN has answered, every user that
		// starts at once opens a connection of its own (measured: 100 to 200 of them for
		// 200 users).
		return HTTP2.equals(protocol) ? population.protocols(Http.perUserConnections(this.baseUrl)
			.enableHttp2()
			.http2PriorKnowledge(Map.of(authority(this.baseUrl), true))
			.shareConnections()) : population.protocols(Http.perUserConnections(this.baseUrl));
	}

	/** {@code host:port} of a base URL, as Gatling names a remote. */
	static String authority(String baseUrl) {
		URI uri = URI.create(baseUrl);
		return uri.getHost() + ":" + ((uri.getPort() > 0) ? uri.getPort() : 443);
	}

	{
		this.parameters.print("");
		List<PopulationBuilder> phases = new ArrayList<>();
		for (String path : this.load.paths()) {
			for (String protocol : List.of(HTTP1, HTTP2)) {
				if (this.load.phase().isEmpty() || this.load.phase().equals(phaseName(protocol, path))) {
					phases.add(phase(protocol, path));
				}
			}
		}
		if (phases.isEmpty()) {
			throw new IllegalArgumentException("phase " + this.load.phase() + " is not one of this simulation's");
		}
		PopulationBuilder sequence = phases.getFirst();
		for (PopulationBuilder next : phases.subList(1, phases.size())) {
			sequence = sequence.andThen(next);
		}
		setUp(sequence).assertions(forAll().failedRequests().percent().lte(0.0),
				forAll().responseTime().percentile(95.0).lt(this.load.maxP95Millis()));
	}

}
