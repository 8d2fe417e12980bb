package dev.stackbench.comparison.scenario;

import dev.stackbench.gatling.simulation.ThroughputSimulation;
import io.gatling.javaapi.core.Simulation;

/**
 * The types whose load is users that each send again as soon as answered, at one or more
 * levels of concurrency ({@link ThroughputSimulation}).
 */
abstract class SteppedUsers extends ScenarioType<ThroughputSimulation.Load> {

	SteppedUsers(String id, String formerKind, ThroughputSimulation.Load defaults) {
		super(id, formerKind, ThroughputSimulation.Load.class, defaults, true);
	}

	@Override
	public Class<? extends Simulation> simulation() {
		return ThroughputSimulation.class;
	}

	@Override
	public double estimatedSeconds(ThroughputSimulation.Load load) {
		return load.users().size() * load.stepSeconds() + 3;
	}

}
