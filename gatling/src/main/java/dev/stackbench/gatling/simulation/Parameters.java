package dev.stackbench.gatling.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulation's parameters, read from system properties
 * ({@code -DbaseUrl=... -Drate=...}) so that one class runs every load shape against
 * either app. Each value read is remembered and printed once, so a run's console output
 * says exactly what load it applied.
 */
final class Parameters {

	private final String simulation;

	private final Map<String, Object> values = new LinkedHashMap<>();

	Parameters(Class<?> simulation) {
		this.simulation = simulation.getSimpleName();
	}

	/**
	 * The app under test. Only loopback is allowed: stackbench never loads a machine it
	 * does not own.
	 */
	String baseUrl() {
		String baseUrl = text("baseUrl", "http://localhost:8080");
		if (!baseUrl.matches("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?/?")
				&& !Boolean.getBoolean("allowRemote")) {
			throw new IllegalArgumentException("baseUrl " + baseUrl
					+ " is not on this machine; pass -DallowRemote=true to load a deployment you own");
		}
		return baseUrl;
	}

	String text(String name, String defaultValue) {
		return remember(name, System.getProperty(name, defaultValue));
	}

	int integer(String name, int defaultValue) {
		return remember(name, Integer.parseInt(System.getProperty(name, String.valueOf(defaultValue)).trim()));
	}

	double decimal(String name, double defaultValue) {
		return remember(name, Double.parseDouble(System.getProperty(name, String.valueOf(defaultValue)).trim()));
	}

	Duration seconds(String name, int defaultSeconds) {
		return Duration.ofSeconds(integer(name, defaultSeconds));
	}

	List<Integer> integers(String name, String defaultValues) {
		String values = text(name, defaultValues);
		return Arrays.stream(values.split(",")).map(String::trim).map(Integer::valueOf).toList();
	}

	List<String> texts(String name, String defaultValues) {
		return Arrays.stream(text(name, defaultValues).split(",")).map(String::trim).toList();
	}

	/**
	 * Prints the parameters read so far, with a line of explanation such as a
	 * Little's-law bound.
	 */
	void print(String explanation) {
		StringBuilder line = new StringBuilder("stackbench ").append(this.simulation).append(':');
		this.values.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		System.out.println(line);
		if (!explanation.isEmpty()) {
			System.out.println("stackbench " + this.simulation + ": " + explanation);
		}
	}

	private <T> T remember(String name, T value) {
		this.values.put(name, value);
		return value;
	}

}
