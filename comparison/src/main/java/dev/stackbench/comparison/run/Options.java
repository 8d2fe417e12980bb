package dev.stackbench.comparison.run;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ServingModel;

/**
 * What to run, from system properties (the README's option table is the reference). Lists
 * of ids are separated by commas; {@code set} assignments by semicolons, since a value
 * such as {@code users=1,8,64} holds commas itself.
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
 */
record Options(Path root, Preset preset, List<ServingModel> stacks, List<Scenario> scenarios,
		Map<ServingModel, Target> remote, int repeat, Optional<Path> baseline, OptionalDouble failOnRegression,
		List<String> appArguments, boolean failOnAssertions, Optional<Database> database, int replicas) {

	Options {
		if (repeat < 1) {
			throw new IllegalArgumentException("repeat must be at least 1, not " + repeat);
		}
		if (replicas < 1) {
			throw new IllegalArgumentException("replicas must be at least 1, not " + replicas);
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
				.filter((scenario) -> scenario.kind() == Scenario.Kind.FAILOVER)
				.findFirst()
				.ifPresent((scenario) -> {
					throw new IllegalArgumentException("scenario " + scenario.id()
							+ " stops one replica while the others serve: run it with -Dreplicas=2 or more");
				});
		}
		if (failOnRegression.isPresent() && baseline.isEmpty()) {
			throw new IllegalArgumentException(
					"failOnRegression needs a baseline (-Dbaseline=<a comparison's folder>)");
		}
	}

	static Options fromSystemProperties() {
		Preset preset = text("preset").map(Preset::of).orElse(Preset.QUICK);
		Map<ServingModel, Target> remote = remoteTargets(System.getProperty("remote", ""));
		// -Dstacks is the option's name before "stack" came to mean servlet or reactive
		// only.
		List<ServingModel> stacks = stacks(
				ids("models").or(() -> ids("stacks")).map((ids) -> ids.stream().map(ServingModel::of).toList()),
				remote);
		Map<String, Map<String, String>> overrides = overrides(System.getProperty("set", ""));
		int replicas = text("replicas").map(Integer::parseInt).orElse(1);
		List<Scenario> scenarios = ids("scenarios").map((ids) -> ids.stream().map(preset::scenario).toList())
			.orElse(runnable(preset.scenarios(), replicas))
			.stream()
			.map((scenario) -> scenario.with(overrides.getOrDefault(scenario.id(), Map.of())))
			.toList();
		overrides.keySet()
			.stream()
			.filter((id) -> scenarios.stream().noneMatch((scenario) -> scenario.id().equals(id)))
			.findFirst()
			.ifPresent((id) -> {
				throw new IllegalArgumentException("set names scenario '" + id + "', which this run does not have");
			});
		Path root = Path.of(System.getProperty("stackbench.root", ".")).toAbsolutePath().normalize();
		return new Options(root, preset, stacks, scenarios, remote, text("repeat").map(Integer::parseInt).orElse(1),
				text("baseline").map(root::resolve),
				text("failOnRegression").map((percent) -> OptionalDouble.of(Double.parseDouble(percent)))
					.orElse(OptionalDouble.empty()),
				text("appArguments").map((arguments) -> List.of(arguments.split("\\s+"))).orElse(List.of()),
				text("failOnAssertions").map(Boolean::parseBoolean).orElse(preset == Preset.CI),
				text("db.url").map((url) -> Database.fromJdbcUrl(url, text("db.user").orElse("stackbench"),
						text("db.password").orElse(""))),
				replicas);
	}

	/**
	 * The stacks asked for, or the default three; with remote apps, those of them given a
	 * target.
	 */
	static List<ServingModel> stacks(Optional<List<ServingModel>> asked, Map<ServingModel, Target> remote) {
		if (remote.isEmpty()) {
			return asked.orElse(ServingModel.DEFAULT);
		}
		List<ServingModel> stacks = asked.orElse(List.copyOf(remote.keySet()));
		stacks.stream().filter((stack) -> !remote.containsKey(stack)).findFirst().ifPresent((stack) -> {
			throw new IllegalArgumentException("serving model " + stack.id() + " has no remote target; remote gives "
					+ remote.keySet().stream().map(ServingModel::id).toList());
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
					: scenario.kind() != Scenario.Kind.FAILOVER)
			.toList();
	}

	/** Whether each stack runs as several replicas behind a load balancer. */
	boolean isBalanced() {
		return this.replicas > 1;
	}

	/** Whether the apps are elsewhere, and only loaded from here. */
	boolean isRemote() {
		return !this.remote.isEmpty();
	}

	private static Optional<String> text(String property) {
		String value = System.getProperty(property, "").trim();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static Optional<List<String>> ids(String property) {
		return text(property).map((value) -> List.of(value.split("\\s*,\\s*")));
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
	static Map<ServingModel, Target> remoteTargets(String spec) {
		Map<ServingModel, Target> targets = new LinkedHashMap<>();
		for (String entry : spec.split(",")) {
			if (entry.isBlank()) {
				continue;
			}
			String[] stackUrls = entry.split("=", 2);
			String[] urls = (stackUrls.length == 2) ? stackUrls[1].split("\\|") : new String[0];
			if (urls.length != 2) {
				throw new IllegalArgumentException("remote '" + entry + "' is not model=baseUrl|managementUrl");
			}
			ServingModel stack = ServingModel.of(stackUrls[0]);
			targets.put(stack, new Target(stack, URI.create(urls[0].trim()), URI.create(urls[1].trim())));
		}
		return targets;
	}

}
