package dev.stackbench.comparison.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A stack for the length of its turn: one app started here, several replicas behind a
 * load balancer, or an app already running elsewhere. Closing it stops what was started
 * here, the balancer first so that no request reaches a replica that is going.
 */
final class RunningStack implements AutoCloseable {

	private final Target target;

	/** The apps started here, in replica order; empty for a remote app. */
	private final List<AppProcess> replicas;

	private final Optional<LoadBalancer> balancer;

	private final Optional<String> springBootVersion;

	RunningStack(Target target, List<AppProcess> replicas, Optional<LoadBalancer> balancer,
			Optional<String> springBootVersion) {
		this.target = target;
		this.replicas = new ArrayList<>(replicas);
		this.balancer = balancer;
		this.springBootVersion = springBootVersion;
	}

	Target target() {
		return this.target;
	}

	Optional<String> springBootVersion() {
		return this.springBootVersion;
	}

	Optional<LoadBalancer> balancer() {
		return this.balancer;
	}

	/** The app, where exactly one was started here: its process can be read. */
	Optional<AppProcess> single() {
		return (this.replicas.size() == 1) ? Optional.of(this.replicas.getFirst()) : Optional.empty();
	}

	/** Replica {@code index} (from 0) as it runs now. */
	synchronized AppProcess replica(int index) {
		return this.replicas.get(index);
	}

	synchronized int replicaCount() {
		return this.replicas.size();
	}

	/** Replica {@code index} started again, in place of the one that stopped. */
	synchronized void replace(int index, AppProcess again) {
		this.replicas.set(index, again);
	}

	@Override
	public synchronized void close() {
		this.balancer.ifPresent(LoadBalancer::close);
		this.replicas.forEach(AppProcess::close);
	}

}
