package dev.stackbench.comparison.run;

import java.io.IOException;
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

	/**
	 * The single app's counters, attached to once: a second attach while another is under
	 * way was measured here to fail ("non existent JVM pid").
	 */
	private Optional<AppCounters> counters;

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

	/**
	 * The counters of the app, where exactly one was started here, attached to on first
	 * use and released when the stack closes.
	 */
	synchronized Optional<AppCounters> counters() {
		if (this.counters == null) {
			this.counters = single().map((app) -> AppCounters.attach(app.handle().pid()));
		}
		return this.counters;
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

	/**
	 * Lets every app started here run on every core, for its warm-up, and returns what
	 * confines them to their own cores again.
	 */
	synchronized Confinement release(CpuSplit cpus) throws IOException {
		List<AppProcess> apps = List.copyOf(this.replicas);
		for (AppProcess app : apps) {
			app.release(cpus.everyCoreList());
		}
		return () -> {
			for (AppProcess app : apps) {
				app.confine();
			}
		};
	}

	/** Confines released apps to their own cores again. */
	@FunctionalInterface
	interface Confinement {

		void confine() throws IOException;

	}

	@Override
	public synchronized void close() {
		if (this.counters != null) {
			this.counters.ifPresent(AppCounters::close);
		}
		this.balancer.ifPresent(LoadBalancer::close);
		this.replicas.forEach(AppProcess::close);
	}

}
