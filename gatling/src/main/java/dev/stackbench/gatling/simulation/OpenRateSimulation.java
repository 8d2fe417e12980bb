package dev.stackbench.gatling.simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import java.time.Duration;
import java.util.Locale;

import io.gatling.javaapi.core.Simulation;

/**
 * An open model on any page: {@code rate} new requests a second for
 * {@code durationSeconds}, each sent when its time comes whether or not the earlier ones
 * were answered, so a stalled server shows as latency and not as a slower client (no
 * coordinated omission). One step of the comparison's capacity search; its assertions are
 * the step's SLO: p99 within {@code sloMillis} and nothing failed.
 */
public class OpenRateSimulation extends Simulation {

	private final Parameters parameters = new Parameters(OpenRateSimulation.class);

	private final String baseUrl = this.parameters.baseUrl();

	private final String path = this.parameters.text("path", "/api/hello");

	private final double rate = this.parameters.decimal("rate", 1000);

	private final Duration duration = this.parameters.seconds("durationSeconds", 10);

	private final int sloMillis = this.parameters.integer("sloMillis", 25);

	/** The name of every request of a step, which is also its row in the report. */
	public static String requestName(String path, double rate) {
		return String.format(Locale.ROOT, "GET %s @ %.0f/s", path, rate);
	}

	{
		this.parameters.print("");
		setUp(scenario("arrivals at " + this.rate + "/s")
			.exec(http(requestName(this.path, this.rate)).get(this.path).check(Http.ok()))
			.injectOpen(constantUsersPerSec(this.rate).during(this.duration)))
			.protocols(Http.sharedConnections(this.baseUrl))
			// Past capacity the queue would otherwise keep the step going long after its
			// arrivals stopped: what is not answered within this margin counts as not
			// answered.
			.maxDuration(this.duration.plusMillis(Math.max(2_000, 4L * this.sloMillis)))
			.assertions(global().failedRequests().count().is(0L),
					global().responseTime().percentile(99.0).lte(this.sloMillis));
	}

}
