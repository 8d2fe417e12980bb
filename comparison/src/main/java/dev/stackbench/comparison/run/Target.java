package dev.stackbench.comparison.run;

import java.net.URI;
import java.util.List;

import dev.stackbench.comparison.result.Contender;

/**
 * Where a stack answers: its base URL for load and its management URL for health, metrics
 * and tuning. Behind a load balancer the base URL is the balancer's, and every replica
 * keeps its own management URL, so that each is read on its own. A bare Spring Boot app
 * ({@link #bare}) has none.
 *
 * @param stack the serving model
 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
 * @param managementUrl e.g. {@code http://127.0.0.1:9080}; the first replica's behind a
 * balancer
 * @param replicaManagementUrls every replica's management URL, in replica order; just
 * {@code managementUrl} for a single app
 */
public record Target(Contender stack, URI baseUrl, URI managementUrl, List<URI> replicaManagementUrls) {

	public Target(Contender stack, URI baseUrl, URI managementUrl) {
		this(stack, baseUrl, managementUrl, List.of(managementUrl));
	}

	/** The replicas of one stack, reached through a balancer at {@code baseUrl}. */
	static Target balanced(URI baseUrl, List<Target> replicas) {
		return new Target(replicas.getFirst().stack(), baseUrl, replicas.getFirst().managementUrl(),
				replicas.stream().map(Target::managementUrl).toList());
	}

	/**
	 * A bare Spring Boot app, which has no management port: its health is its plain page
	 * answering, and it has no metrics to read.
	 */
	static Target bare(Contender stack, URI baseUrl) {
		return new Target(stack, baseUrl, null, List.of());
	}

	/** Whether it is a bare Spring Boot app, with no management port. */
	boolean isBare() {
		return this.managementUrl == null;
	}

	/** What says it is up: its actuator's health, or a bare app's plain page. */
	URI health() {
		return isBare() ? this.baseUrl.resolve("/api/hello") : actuator("health");
	}

	public URI actuator(String endpoint) {
		return this.managementUrl.resolve("/actuator/" + endpoint);
	}

	/** An actuator endpoint of every replica, in replica order. */
	public List<URI> actuators(String endpoint) {
		return this.replicaManagementUrls.stream().map((url) -> url.resolve("/actuator/" + endpoint)).toList();
	}

}
