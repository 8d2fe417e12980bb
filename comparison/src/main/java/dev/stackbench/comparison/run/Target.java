package dev.stackbench.comparison.run;

import java.net.URI;

import dev.stackbench.comparison.result.ServingModel;

/**
 * Where a stack answers: its base URL for load and its management URL for health, metrics
 * and tuning.
 *
 * @param stack the serving model
 * @param baseUrl e.g. {@code http://127.0.0.1:8080}
 * @param managementUrl e.g. {@code http://127.0.0.1:9080}
 */
public record Target(ServingModel stack, URI baseUrl, URI managementUrl) {

	public URI actuator(String endpoint) {
		return this.managementUrl.resolve("/actuator/" + endpoint);
	}

}
