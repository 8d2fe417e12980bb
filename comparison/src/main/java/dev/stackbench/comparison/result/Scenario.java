package dev.stackbench.comparison.result;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.stackbench.comparison.scenario.ScenarioType;
import dev.stackbench.comparison.scenario.ScenarioTypes;
import dev.stackbench.gatling.simulation.SimulationLoad;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One scenario of a comparison: its name, its type, the type's parameters it runs with,
 * and how its load reaches the app.
 *
 * @param id the name used on the command line and in the report
 * @param type what the scenario demonstrates, and how it is measured and read
 * @param load the type's parameters
 * @param transport how the load reaches the app: plain HTTP, or TLS, where the app runs
 * with its {@code h2} profile (HTTP/2 and HTTP/1.1 by ALPN)
 */
@JsonIgnoreProperties({ "why" })
public record Scenario(String id, ScenarioType<?> type, Record load, Transport transport) {

	public Scenario {
		transport = (transport != null) ? transport : Transport.PLAIN;
		if (!type.parameters().isInstance(load)) {
			throw new IllegalArgumentException("scenario " + id + " of type " + type.id() + " needs "
					+ type.parameters().getName() + " parameters, not " + load.getClass().getName());
		}
	}

	public Scenario(String id, ScenarioType<?> type, Record load) {
		this(id, type, load, Transport.PLAIN);
	}

	/**
	 * A scenario as a preset file or {@code results.json} holds it: the type by name
	 * ({@code kind} in files written before types were classes), its parameters over the
	 * type's defaults.
	 */
	@JsonCreator
	static Scenario read(@JsonProperty("id") String id, @JsonProperty("type") String type,
			@JsonProperty("kind") String kind, @JsonProperty("load") JsonNode load,
			@JsonProperty("transport") Transport transport) {
		ScenarioType<?> scenarioType = ScenarioTypes.of((type != null) ? type : kind);
		JsonNode parameters = (load != null) ? load.deepCopy() : null;
		if (parameters instanceof ObjectNode object) {
			// Files written before types were classes named the load's record here.
			object.remove("simulation");
		}
		return new Scenario(id, scenarioType,
				scenarioType.fromJson((parameters != null) ? parameters.toString() : "{}"), transport);
	}

	/** How a scenario's load reaches the app. */
	public enum Transport {

		PLAIN,

		/** TLS 1.3, HTTP/2 or HTTP/1.1 as the client offers by ALPN. */
		TLS

	}

	/** The same scenario with some parameters replaced, as given on the command line. */
	public Scenario with(Map<String, String> overrides) {
		try {
			return new Scenario(this.id, this.type, this.type.with(this.load, overrides), this.transport);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("scenario " + this.id + ": " + ex.getMessage(), ex);
		}
	}

	/** Every parameter as text, in the record's order. */
	public Map<String, String> parameters() {
		return SimulationLoad.asText(this.load);
	}

	/**
	 * Whether the scenario's page calls the downstream service, which the comparison then
	 * starts.
	 */
	public boolean callsDownstream() {
		return callsDownstream(this.type);
	}

	private <P extends Record> boolean callsDownstream(ScenarioType<P> type) {
		return type.callsDownstream(type.load(this));
	}

	/** The pages its load asks for. */
	public List<String> paths() {
		return paths(this.type);
	}

	private <P extends Record> List<String> paths(ScenarioType<P> type) {
		return type.paths(type.load(this));
	}

	/** Roughly how long one run takes, for the remaining-time estimate only. */
	public double estimatedSeconds() {
		return estimatedSeconds(this.type);
	}

	private <P extends Record> double estimatedSeconds(ScenarioType<P> type) {
		return type.estimatedSeconds(type.load(this));
	}

	/** Whether a row of this scenario comes from a closed model. */
	public boolean closedLoop(String rowName) {
		return this.type.closedLoop(rowName);
	}

}
