package dev.stackbench.gatling.comparison;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The main job: for each stack in turn, start its app (or reach it, in remote mode), warm it up, run the preset's
 * scenarios against it while sampling its metrics, stop it, and move on; then write {@code results.json},
 * {@code report.md} and {@code report.html} into {@code target/comparison/<timestamp>/}. Never two stacks at once.
 *
 * <p>Configured by system properties: {@code preset} (quick, standard, ci, soak), {@code stacks} and
 * {@code scenarios} (comma-separated ids), {@code set} (parameter overrides, {@code scenario.parameter=value;...}),
 * {@code remote} ({@code stack=baseUrl|managementUrl,...}), {@code failOnAssertions}.
 */
public final class Comparison {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

	private static final List<String> WARM_UP_PATHS = List.of("/api/hello", "/api/slow?delay=10", "/api/cpu?work=2000");

	private final Options options;

	private final Path output;

	private final CpuSplit cpus;

	private final Progress progress;

	/** The service {@code /api/downstream} calls, while a run that needs one is going. */
	private Optional<AppProcess> downstream = Optional.empty();

	private Comparison(Options options, Path output, CpuSplit cpus) {
		this.options = options;
		this.output = output;
		this.cpus = cpus;
		this.progress = new Progress(options);
	}

	public static void main(String[] args) throws Exception {
		Options options = Options.fromSystemProperties();
		Path output = options.root()
			.resolve("target/comparison")
			.resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
		Files.createDirectories(output);
		CpuSplit cpus = options.remote().isEmpty() ? CpuSplit.forThisMachine() : CpuSplit.unpinned();
		cpus.pinThisProcess();
		ComparisonResults results = new Comparison(options, output, cpus).run();
		Reports.write(results, output);
		System.out.println();
		System.out.println(MarkdownReport.summary(results));
		System.out.println("stackbench: reports in " + output.toAbsolutePath());
		System.out.println("  " + output.resolve("report.html").toAbsolutePath());
		if (options.failOnAssertions() && !results.allAssertionsPassed()) {
			System.err.println("stackbench: assertions failed in " + results.results()
				.stream()
				.filter((result) -> !result.assertionsPassed())
				.map((result) -> result.stack() + "/" + result.scenario())
				.toList());
			System.exit(1);
		}
		System.exit(0);
	}

	private ComparisonResults run() throws IOException {
		Instant started = Instant.now();
		System.out.println("stackbench: preset " + this.options.preset().id() + ", stacks "
				+ this.options.stacks().stream().map(Stack::id).toList() + ", scenarios "
				+ this.options.scenarios().stream().map(Scenario::id).toList());
		System.out.println("stackbench: " + (this.options.remote().isEmpty() ? "cores " + this.cpus.describe()
				: "remote apps, loaded from this machine"));
		List<ScenarioResult> results = new ArrayList<>();
		Map<String, Map<String, Object>> tuning = new LinkedHashMap<>();
		Map<String, String> versions = new LinkedHashMap<>();
		this.downstream = startDownstream();
		try {
			measureEachStack(results, tuning, versions);
		}
		finally {
			this.downstream.ifPresent(AppProcess::close);
		}
		versions.put("gatling", System.getProperty("gatling.version", "unknown"));
		versions.put("stackbench", System.getProperty("stackbench.version", "unknown"));
		return new ComparisonResults(this.options.preset().id(), started, Instant.now(),
				Environment.describe(versions, this.cpus, !this.options.remote().isEmpty()), this.options.stacks(),
				this.options.scenarios(), tuning, results, Theory.claims(results, tuning));
	}

	private void measureEachStack(List<ScenarioResult> results, Map<String, Map<String, Object>> tuning,
			Map<String, String> versions) throws IOException {
		for (Stack stack : this.options.stacks()) {
			this.progress.stack(stack, this.options.remote().containsKey(stack) ? "checking the remote app's health" : "starting");
			try (RunningStack running = start(stack)) {
				Target target = running.target();
				tuning.put(stack.id(), tuning(target));
				running.springBootVersion().ifPresent((version) -> versions.put("spring-boot", version));
				this.progress.stack(stack, "warming up for " + this.options.preset().warmUpSeconds() + " s");
				warmUp(target);
				for (Scenario scenario : this.options.scenarios()) {
					awaitIdle(target);
					this.progress.scenario(stack, scenario);
					results.add(measure(target, scenario));
				}
			}
			this.progress.stack(stack, "stopped");
		}
	}

	/**
	 * One downstream service for the whole run, the same for every stack: a reactive app (it answers its slow page
	 * from timers, so it is not what limits the stack under test), on the load generator's cores so that it takes
	 * nothing from the app measured. Remote apps call whatever downstream they are configured with.
	 */
	private Optional<AppProcess> startDownstream() throws IOException {
		if (!this.options.remote().isEmpty() || this.options.scenarios().stream().noneMatch(Scenario::callsDownstream)) {
			return Optional.empty();
		}
		Path logs = Files.createDirectories(this.output.resolve("logs"));
		AppProcess downstream = AppProcess.start(Stack.REACTIVE, this.options.root(),
				this.cpus.pin(this.cpus.loadGenerator()), List.of(), logs.resolve("downstream.log"));
		System.out.println("stackbench: downstream service (reactive app) on " + downstream.target().baseUrl()
				+ ", on the load generator's CPUs");
		return Optional.of(downstream);
	}

	private RunningStack start(Stack stack) throws IOException {
		Optional<Target> remote = Optional.ofNullable(this.options.remote().get(stack));
		if (remote.isPresent()) {
			AppProcess.awaitHealthy(remote.get(), Duration.ofSeconds(30), null);
			return new RunningStack(remote.get(), null, Optional.empty());
		}
		Path logs = Files.createDirectories(this.output.resolve("logs"));
		List<String> arguments = this.downstream
			.map((service) -> List.of("--stackbench.downstream.base-url=" + service.target().baseUrl()))
			.orElse(List.of());
		AppProcess app = AppProcess.start(stack, this.options.root(), this.cpus.pin(this.cpus.app()), arguments,
				logs.resolve(stack.id() + ".log"));
		return new RunningStack(app.target(), app, AppProcess.springBootVersion(this.options.root(), stack.app()));
	}

	/**
	 * Loads the paths the scenarios use, the waiting one included: the JIT compiles what it has seen run, and a
	 * thousand sleeping virtual threads take a different path from a fast page.
	 */
	private void warmUp(Target target) throws IOException {
		int seconds = Math.max(2, this.options.preset().warmUpSeconds() / WARM_UP_PATHS.size());
		for (String path : WARM_UP_PATHS) {
			Map<String, String> parameters = new LinkedHashMap<>(Map.of("baseUrl", target.baseUrl().toString(), "path",
					path, "users", "64", "stepSeconds", String.valueOf(seconds), "maxP95Millis", "60000",
					"maxFailedPercent", "100"));
			parameters.putAll(remoteAllowance());
			GatlingRun.run("dev.stackbench.gatling.simulation.ThroughputSimulation", parameters,
					this.output.resolve("gatling").resolve(target.stack().id()).resolve("warm-up"));
		}
	}

	private ScenarioResult measure(Target target, Scenario scenario) throws IOException {
		Map<String, String> parameters = new LinkedHashMap<>(scenario.parameters());
		parameters.put("baseUrl", target.baseUrl().toString());
		parameters.putAll(remoteAllowance());
		Path results = this.output.resolve("gatling").resolve(target.stack().id()).resolve(scenario.id());
		long loadGeneratorCpuBefore = loadGeneratorCpuNanos();
		GatlingRun.Outcome outcome;
		AppMetrics app;
		try (MetricsSampler sampler = new MetricsSampler(target.actuator("prometheus"))) {
			outcome = GatlingRun.run(scenario.simulationClass(), parameters, results);
			app = sampler.finish();
		}
		double loadGeneratorCpu = (loadGeneratorCpuNanos() - loadGeneratorCpuBefore) / 1e9;
		ScenarioResult result = new ScenarioResult(target.stack().id(), scenario.id(), scenario.kind(),
				scenario.parameters(), outcome.assertionsPassed(),
				this.output.relativize(outcome.report().resolve("index.html")).toString(), outcome.requests(),
				outcome.errors(), app, loadGeneratorCpu);
		this.progress.done(result);
		return result;
	}

	/**
	 * Waits until the app has no request in flight, so that one scenario's leftovers do not load the next: a
	 * thread pool keeps working through requests whose clients gave up (after a flood, minutes of them).
	 */
	private void awaitIdle(Target target) {
		Instant deadline = Instant.now().plus(IDLE_TIMEOUT);
		double inFlight = MetricsSampler.inFlight(target.actuator("prometheus"));
		if (inFlight <= 0) {
			return;
		}
		this.progress.stack(target.stack(), "waiting for " + Math.round(inFlight) + " requests left in flight to finish");
		while (inFlight > 0 && Instant.now().isBefore(deadline)) {
			AppProcess.sleep(Duration.ofSeconds(1));
			inFlight = MetricsSampler.inFlight(target.actuator("prometheus"));
		}
		if (inFlight > 0) {
			this.progress.stack(target.stack(), "still " + Math.round(inFlight) + " requests in flight after "
					+ IDLE_TIMEOUT.toSeconds() + " s; the next scenario starts on a busy app");
		}
	}

	private Map<String, String> remoteAllowance() {
		return this.options.remote().isEmpty() ? Map.of() : Map.of("allowRemote", "true");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tuning(Target target) {
		try {
			HttpResponse<String> response = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(target.actuator("info")).timeout(Duration.ofSeconds(5)).build(),
						HttpResponse.BodyHandlers.ofString());
			Map<String, Object> info = JSON.readValue(response.body(), Map.class);
			Map<String, Object> tuning = (Map<String, Object>) info.getOrDefault("tuning", Map.of());
			Map<String, Object> knobs = new LinkedHashMap<>();
			knobs.put("model", tuning.get("model"));
			knobs.putAll((Map<String, Object>) tuning.getOrDefault("knobs", Map.of()));
			return knobs;
		}
		catch (IOException | RuntimeException ex) {
			return Map.of("unavailable", String.valueOf(ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Map.of();
		}
	}

	private static long loadGeneratorCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** A stack's app for the length of its turn: started here, or already running elsewhere. */
	private record RunningStack(Target target, AppProcess app, Optional<String> springBootVersion)
			implements AutoCloseable {

		@Override
		public void close() {
			if (this.app != null) {
				this.app.close();
			}
		}

	}

	/**
	 * What to run, from system properties.
	 *
	 * @param root the project's root folder
	 * @param preset the preset
	 * @param stacks the stacks, in order
	 * @param scenarios the scenarios with overrides applied, in order
	 * @param remote targets of stacks already running elsewhere, empty when the apps are started here
	 * @param failOnAssertions whether a failed Gatling assertion fails the command
	 */
	record Options(Path root, Preset preset, List<Stack> stacks, List<Scenario> scenarios, Map<Stack, Target> remote,
			boolean failOnAssertions) {

		static Options fromSystemProperties() {
			Preset preset = ids("preset").map((id) -> Preset.of(id.getFirst())).orElse(Preset.QUICK);
			Map<Stack, Target> remote = remoteTargets(System.getProperty("remote", ""));
			List<Stack> stacks = remote.isEmpty() ? ids("stacks").map((ids) -> ids.stream().map(Stack::of).toList())
				.orElse(Stack.DEFAULT) : List.copyOf(remote.keySet());
			Map<String, Map<String, String>> overrides = overrides(System.getProperty("set", ""));
			List<Scenario> scenarios = ids("scenarios")
				.map((ids) -> ids.stream().map((id) -> scenario(preset, id)).toList())
				.orElse(preset.scenarios())
				.stream()
				.map((scenario) -> scenario.with(overrides.getOrDefault(scenario.id(), Map.of())))
				.toList();
			return new Options(Path.of(System.getProperty("stackbench.root", ".")).toAbsolutePath().normalize(), preset,
					stacks, scenarios, remote,
					ids("failOnAssertions").map((flag) -> Boolean.parseBoolean(flag.getFirst())).orElse(preset == Preset.CI));
		}

		/** A scenario by id, from the preset or else from any preset, so a quick run can add a standard scenario. */
		private static Scenario scenario(Preset preset, String id) {
			return java.util.stream.Stream.concat(preset.scenarios().stream(),
					Arrays.stream(Preset.values()).flatMap((other) -> other.scenarios().stream()))
				.filter((scenario) -> scenario.id().equals(id.trim()))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; choose from "
						+ Arrays.stream(Preset.values()).flatMap((p) -> p.scenarios().stream()).map(Scenario::id).distinct().toList()));
		}

		private static Optional<List<String>> ids(String property) {
			String value = System.getProperty(property, "").trim();
			return value.isEmpty() ? Optional.empty() : Optional.of(List.of(value.split("\\s*,\\s*")));
		}

		/** {@code concurrent-slow.users=2000,throughput.stepSeconds=5}: by scenario, then parameter. */
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
		static Map<Stack, Target> remoteTargets(String spec) {
			Map<Stack, Target> targets = new LinkedHashMap<>();
			for (String entry : spec.split(",")) {
				if (entry.isBlank()) {
					continue;
				}
				String[] stackUrls = entry.split("=", 2);
				String[] urls = (stackUrls.length == 2) ? stackUrls[1].split("\\|") : new String[0];
				if (urls.length != 2) {
					throw new IllegalArgumentException("remote '" + entry + "' is not stack=baseUrl|managementUrl");
				}
				Stack stack = Stack.of(stackUrls[0]);
				targets.put(stack, new Target(stack, URI.create(urls[0].trim()), URI.create(urls[1].trim())));
			}
			return targets;
		}

	}

	/** The console's account of a run: which stack, which scenario, time elapsed and time left. */
	private static final class Progress {

		private final Instant started = Instant.now();

		private final double plannedSeconds;

		private double doneSeconds;

		Progress(Options options) {
			double perStack = options.preset().warmUpSeconds() + 15
					+ options.scenarios().stream().mapToDouble(Progress::estimatedSeconds).sum();
			this.plannedSeconds = perStack * options.stacks().size();
		}

		void stack(Stack stack, String what) {
			print("[" + stack.id() + "] " + what);
		}

		void scenario(Stack stack, Scenario scenario) {
			print("[" + stack.id() + "] " + scenario.id() + " (" + scenario.simulation() + ", about "
					+ Math.round(estimatedSeconds(scenario)) + " s)");
			this.doneSeconds += estimatedSeconds(scenario);
		}

		void done(ScenarioResult result) {
			print("[" + result.stack() + "] " + result.scenario() + ": " + result.totalRequests() + " requests, "
					+ result.failedRequests() + " failed, assertions " + (result.assertionsPassed() ? "passed" : "FAILED"));
		}

		private void print(String line) {
			Duration elapsed = Duration.between(this.started, Instant.now());
			double left = Math.max(0, this.plannedSeconds - Math.max(this.doneSeconds, elapsed.toSeconds()));
			System.out.printf(Locale.ROOT, "stackbench %s elapsed, ~%s left: %s%n", clock(elapsed.toSeconds()),
					clock(Math.round(left)), line);
		}

		private static String clock(long seconds) {
			return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
		}

		/** A scenario's length from its parameters, for the remaining-time estimate only. */
		static double estimatedSeconds(Scenario scenario) {
			Map<String, String> p = scenario.parameters();
			return switch (scenario.kind()) {
				case SMOKE -> 3;
				case CONCURRENCY_STEPS, CONCURRENT_WAIT -> p.get("users").split(",").length * number(p, "stepSeconds") + 3;
				case ARRIVAL_RATE -> number(p, "durationSeconds") + number(p, "delay") / 1000 + 3;
				case SOAK -> number(p, "durationSeconds") + 3;
				case KEEP_ALIVE -> 2 * number(p, "phaseSeconds") + 3;
				case CONNECTION_FLOOD -> number(p, "rampSeconds") + number(p, "delay") / 1000 + 5;
				case OVERLOAD -> number(p, "baselineSeconds") + number(p, "rampSeconds") + number(p, "holdSeconds")
						+ number(p, "recoverySeconds") + 5;
			};
		}

		private static double number(Map<String, String> parameters, String name) {
			return Double.parseDouble(parameters.getOrDefault(name, "0"));
		}

	}

}
