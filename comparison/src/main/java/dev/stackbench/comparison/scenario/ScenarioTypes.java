package dev.stackbench.comparison.scenario;

import java.util.List;

/**
 * Every scenario type, in one list: a new type is a simulation, one class beside these,
 * and its line here; a preset entry then names it.
 */
public final class ScenarioTypes {

	public static final List<ScenarioType<?>> ALL = List.of(new Smoke(), new ConcurrencySteps(), new ConcurrentWait(),
			new ArrivalRate(), new Database(), new KeepAlive(), new Multiplexing(), new ConnectionFlood(),
			new IdleConnections(), new Capacity(), new Overload(), new Soak(), new Failover(), new ServerSentEvents(),
			new Cost(), new Overhead());

	private ScenarioTypes() {
	}

	/**
	 * A type by its id, or by the name {@code results.json} gave it before types were
	 * classes.
	 */
	public static ScenarioType<?> of(String id) {
		return ALL.stream()
			.filter((type) -> type.id().equals(id) || type.formerKind().equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown scenario type '" + id + "'; choose from " + ALL.stream().map(ScenarioType::id).toList()));
	}

	/** The type of a class, for code that names one. */
	public static <T extends ScenarioType<?>> T get(Class<T> type) {
		return ALL.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

}
