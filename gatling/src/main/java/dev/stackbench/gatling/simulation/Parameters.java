package dev.stackbench.gatling.simulation;

/**
 * Where a simulation runs, and what it prints of its load. The load itself is a record
 * read by {@link SimulationLoad}; the base URL stays a system property of its own
 * ({@code -DbaseUrl=...}) so that one load runs against either app. The values are
 * printed once, so a run's console output says exactly what load it applied.
 */
final class Parameters {

	private final Class<?> simulation;

	private String baseUrl;

	Parameters(Class<?> simulation) {
		this.simulation = simulation;
	}

	/**
	 * The app under test. Only loopback is allowed: stackbench never loads a machine it
	 * does not own.
	 */
	String baseUrl() {
		this.baseUrl = onThisMachine("baseUrl", System.getProperty("baseUrl", "http://localhost:8080"));
		return this.baseUrl;
	}

	/** A URL to load, checked as the base URL is. */
	static String onThisMachine(String name, String url) {
		if (!url.matches("https?://(localhost|127\\.0\\.0\\.1|\\[::1])(:\\d+)?/?")
				&& !Boolean.getBoolean("allowRemote")) {
			throw new IllegalArgumentException(
					name + " " + url + " is not on this machine; pass -DallowRemote=true to load a deployment you own");
		}
		return url;
	}

	/**
	 * Prints the base URL and the simulation's load as {@link SimulationLoad#read} read
	 * it, with a line of explanation such as a Little's-law bound.
	 */
	void print(String explanation) {
		System.out.println(line());
		if (!explanation.isEmpty()) {
			System.out.println("stackbench " + this.simulation.getSimpleName() + ": " + explanation);
		}
	}

	/** The parameters' line: {@code stackbench Name: baseUrl=... rate=300 ...}. */
	String line() {
		StringBuilder line = new StringBuilder("stackbench ").append(this.simulation.getSimpleName()).append(':');
		if (this.baseUrl != null) {
			line.append(" baseUrl=").append(this.baseUrl);
		}
		Record load = SimulationLoad.lastRead();
		if (load != null && load.getClass().getEnclosingClass() == this.simulation) {
			SimulationLoad.asText(load)
				.forEach((name, value) -> line.append(' ').append(name).append('=').append(value));
		}
		return line.toString();
	}

}
