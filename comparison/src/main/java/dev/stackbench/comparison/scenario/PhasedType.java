package dev.stackbench.comparison.scenario;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.gatling.simulation.SimulationLoad;

/**
 * A load of several phases in a row, run one Gatling run each (the load's {@code phase}
 * names the one to run), so that the app's connections and CPU are read per phase; each
 * phase's name is also its requests' row.
 *
 * @param <P> the parameters
 */
abstract class PhasedType<P extends Record> extends ScenarioType<P> {

	PhasedType(String id, String formerKind, Class<P> parameters, P defaults, boolean closedLoop) {
		super(id, formerKind, parameters, defaults, closedLoop);
	}

	@Override
	public final boolean phased() {
		return true;
	}

	/** The phases' names, in order. */
	abstract List<String> phases(P load);

	/**
	 * The simulation's load with only the named phase: its {@code phase} parameter
	 * replaced, as {@code -Dset} replaces one.
	 */
	Record onlyPhase(P load, String phase) {
		return simulationLoad(SimulationLoad.withOverrides(load, Map.of("phase", phase)));
	}

	/** What stops a replica during a phase, where the type stops one. */
	Optional<Measurement.Disruptor> disruption(P load, String phase, Measurement measurement) {
		return Optional.empty();
	}

	@Override
	public ScenarioResult measure(Scenario scenario, Measurement measurement) throws IOException {
		P load = load(scenario);
		return measurement.phases(scenario, simulation(), phases(load), (phase) -> onlyPhase(load, phase),
				(phase) -> disruption(load, phase, measurement));
	}

	@Override
	public double estimatedSeconds(P load) {
		return phases(load).size() * (phaseSeconds(load) + 3);
	}

	/** How long one phase loads the app. */
	abstract double phaseSeconds(P load);

}
