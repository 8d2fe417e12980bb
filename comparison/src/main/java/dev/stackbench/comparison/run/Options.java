package dev.stackbench.comparison.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.ProfileEvent;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.Contender;

/**
 * What to run: the options {@link OptionsCommand} defines, resolved (the preset's
 * scenarios with their overrides, the remote targets, the database) and checked against
 * each other. {@code set} assignments are separated by semicolons, since a value such as
 * {@code users=1,8,64} holds commas itself.
 *
 * @param root the project's root folder
 * @param preset the preset
 * @param stacks the serving models, in order
 * @param scenarios the scenarios with overrides applied, in order
 * @param remote targets of stacks already running elsewhere, empty when the apps are
 * started here
 * @param repeat how many times to run every scenario on every stack, interleaved across
 * stacks
 * @param baseline an earlier comparison's folder (or its {@code results.json}) to set
 * this run against
 * @param failOnRegression with a baseline: the percentage a headline figure may worsen,
 * beyond noise, before the command fails
 * @param appArguments more arguments for every app the comparison starts, e.g.
 * {@code --server.tomcat.threads.max=20}
 * @param failOnAssertions whether a failed Gatling assertion fails the command
 * @param database an existing database for the apps ({@code -Ddb.url}), or empty to start
 * one
 * @param replicas how many copies of each app run behind nginx ({@code -Dreplicas}); 1 is
 * the app alone, with no balancer
 * @param jvm how every app's JVM is started
 * @param appCores the cores each app runs on, or empty for half the machine's
 * @param handicap a difference planted in one contender, if any
 * @param profile the events each app is profiled for in extra windows of its last fork,
 * none to profile nothing
 */
record Options(Path root, Preset preset, List<Contender> stacks, List<Scenario> scenarios,
		Map<Contender, Target> remote, int repeat, Optional<Path> baseline, OptionalDouble failOnRegression,
		List<String> appArguments, boolean failOnAssertions, Optional<Database> database, int replicas, AppJvm jvm,
		Optional<Integer> appCores, Optional<Handicap> handicap, List<ProfileEvent> profile) {

	Options {
		if (!profile.isEmpty() && !remote.isEmpty()) {
			throw new IllegalArgumentException("profile loads async-profiler into an app started here; a remote app "
					+ "is profiled where it runs");
		}
		if (!profile.isEmpty() && replicas > 1) {
			throw new IllegalArgumentException("profile profiles one app process: run it without -Dreplicas");
		}
		handicap.filter((planted) -> !stacks.contains(planted.contender())).ifPresent((planted) -> {
			throw new IllegalArgumentException("handicap names " + planted.contender().id() + ", which is not a "
					+ "contender of this run " + stacks.stream().map(Contender::id).toList());
		});
		appCores.filter((cores) -> cores < 1).ifPresent((cores) -> {
			throw new IllegalArgumentException("appCores must be at least 1, not " + cores);
		});
		if (repeat < 1) {
			throw new IllegalArgumentException("repeat must be at least 1, not " + repeat);
		}
		if (replicas < 1) {
			throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
		}
		if (replicas > 1 && jvm.aot()) {
			throw new IllegalArgumentException("aot makes each serving model's cache for one app on the app's cores, "
					+ "which replicas split between them: run replicas without -Daot");
		}
		if (replicas > 1 && !remote.isEmpty()) {
			throw new IllegalArgumentException("replicas starts the apps here behind nginx; a remote deployment "
					+ "balances its own (give -Dremote its balancer's URL)");
		}
		if (replicas > 1) {
			scenarios.stream()
				.filter((scenario) -> scenario.transport() == Scenario.Transport.TLS)
				.findFirst()
				.ifPresent((scenario) -> {
					throw new IllegalArgumentException("scenario " + scenario.id() + " runs over TLS, which the "
							+ "balancer in front of the replicas does not terminate; run it without -Dreplicas");
				});
		}
		if (replicas < 2) {
			scenarios.stream()
				.filter((scenario) -> scenario.type().leastReplicas() > replicas)
				.findFirst()
				.ifPresent((scenario) -> {
					throw new IllegalArgumentException("scenario " + scenario.id() + " stops one replica while the "
							+ "others serve: run it with -Dreplicas=" + scenario.type().leastReplicas() + " or more");
				});
		}
		if (failOnRegression.isPresent() && baseline.isEmpty()) {
			throw new IllegalArgumentException(
					"failOnRegression needs a baseline (-Dbaseline=<a comparison's folder>)");
		}
	}

	/**
	 * The stacks asked for, or the default three; with remote apps, those of them given a
	 * target.
	 */
	static List<Contender> stacks(Optional<List<Contender>> asked, Map<Contender, Target> remote) {
		if (remote.isEmpty()) {
			return asked.orElse(Contender.DEFAULT);
		}
		List<Contender> stacks = asked.orElse(List.copyOf(remote.keySet()));
		stacks.stream().filter((stack) -> !remote.containsKey(stack)).findFirst().ifPresent((stack) -> {
			throw new IllegalArgumentException("serving model " + stack.id() + " has no remote target; remote gives "
					+ remote.keySet().stream().map(Contender::id).toList());
		});
		return stacks;
	}

	/**
	 * A preset's scenarios that can run with this many replicas: behind the balancer, not
	 * the TLS ones (it does not terminate TLS); a single app, not failover. Scenarios
	 * named with {@code -Dscenarios} are not filtered: one that cannot run is an error.
	 */
	static List<Scenario> runnable(List<Scenario> scenarios, int replicas) {
		return scenarios.stream()
			.filter((scenario) -> (replicas > 1) ? scenario.transport() == Scenario.Transport.PLAIN
					: scenario.type().leastReplicas() <= replicas)
			.toList();
	}

	/** The arguments a contender's app gets besides every app's: a planted handicap. */
	List<String> appArguments(Contender stack) {
		return this.handicap.filter((planted) -> planted.contender() == stack)
			.map((planted) -> List.of("--stackbench.handicap.cpu-micros=" + planted.cpuMicros()))
			.orElse(List.of());
	}

	/**
	 * Whether the apps are profiled in extra windows after the measured ones of this
	 * fork: the last, so that every fork before it runs without the profiler's library
	 * loaded.
	 */
	boolean profiles(int run) {
		return !this.profile.isEmpty() && run == this.repeat;
	}

	/** Whether each stack runs as several replicas behind a load balancer. */
	boolean isBalanced() {
		return this.replicas > 1;
	}

	/** Whether the apps are elsewhere, and only loaded from here. */
	boolean isRemote() {
		return !this.remote.isEmpty();
	}

	/**
	 * {@code concurrent-slow.users=2000;throughput.stepSeconds=5}: by scenario, then
	 * parameter.
	 */
	static Map<String, Map<String, String>> overrides(String spec) {
		Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
		for (String assignment : spec.split(";")) {
			if (assignment.isBlank()) {
				continue;
			}
			String[] keyValue = assignment.split("=", 2);
			String[] scenarioParameter = keyValue[0].trim().split("\\.", 2);
			if (keyValue.length != 2 || scenarioParameter.length != 2) {
				throw new IllegalArgumentException("set '" + assignment + "' is not scenario.parameter=value");
			}
			overrides.computeIfAbsent(scenarioParameter[0], (key) -> new LinkedHashMap<>())
				.put(scenarioParameter[1], keyValue[1].trim());
		}
		return overrides;
	}

	/** {@code platform=http://host:8080|http://host:9080,reactive=...}. */
	static Map<Contender, Target> remoteTargets(String spec) {
		Map<Contender, Target> targets = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] stackUrls = entry.split("=", 2);
			String[] urls = (stackUrls.length == 2) ? stackUrls[1].split("\\|") : new String[0];
			if (urls.length != 2) {
				throw new IllegalArgumentException("remote '" + entry + "' is not model=baseUrl|managementUrl");
			}
			Contender stack = Contender.of(stackUrls[0]);
			targets.put(stack, new Target(stack, URI.create(urls[0].trim()), URI.create(urls[1].trim())));
		}
		return targets;
	}

}
