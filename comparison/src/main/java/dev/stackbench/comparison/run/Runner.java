package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.AppDeath;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.WarmUp;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures every stack: for each repetition, for each stack in turn, start its app (or
 * reach it, in remote mode), warm it up, run every scenario against it while sampling its
 * metrics, stop it, and move on. Never two stacks at once; repetitions interleave
 * (platform, virtual, reactive, platform, ...) so that a machine's drift hits every stack
 * alike. Starting and stopping is {@link StackStarter}'s, warming up {@link WarmingUp}'s,
 * and what a scenario measures with {@link StackMeasurement}; this keeps the loop and
 * what it collected.
 */
final class Runner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Options options;

	private final Path output;

	private final CpuSplit cpus;

	private final Progress progress;

	private final WarmingUp warmingUp;

	private final ProfiledWindows profiling;

	private final List<ScenarioResult> results = new ArrayList<>();

	private final List<WarmUp> warmUps = new ArrayList<>();

	private final List<IdleFootprint> idleFootprints = new ArrayList<>();

	private final List<AppDeath> deaths = new ArrayList<>();

	private final Map<String, Map<String, Object>> tuning = new LinkedHashMap<>();

	private final Map<String, String> versions = new LinkedHashMap<>();

	/** Whether the apps ran with their serving models' AOT caches. */
	private boolean aot;

	Runner(Options options, Path output, CpuSplit cpus) {
		this.options = options;
		this.output = output;
		this.cpus = cpus;
		this.progress = new Progress(options);
		this.warmingUp = new WarmingUp(options, this.progress);
		this.profiling = new ProfiledWindows(options, output, this.progress);
	}

	List<ScenarioResult> results() {
		return this.results;
	}

	/** How every app's warm-up ended, in the order they ran. */
	List<WarmUp> warmUps() {
		return this.warmUps;
	}

	/** What each local app held for its idle connections, in the order they ran. */
	List<IdleFootprint> idleFootprints() {
		return this.idleFootprints;
	}

	/** The profiled windows ({@code -Dprofile}), in the order they ran. */
	List<Profile> profiles() {
		return this.profiling.profiles();
	}

	/** The apps that died, in the order they did. */
	List<AppDeath> deaths() {
		return this.deaths;
	}

	/** Every stack's tuning as its {@code /actuator/info} reported it, by stack id. */
	Map<String, Map<String, Object>> tuning() {
		return this.tuning;
	}

	/** Whether the apps ran with their serving models' AOT caches. */
	boolean aot() {
		return this.aot;
	}

	/** The Spring Boot version of the jars, as far as it could be read. */
	Map<String, String> versions() {
		return this.versions;
	}

	/**
	 * Every run of every stack, with the database every app connects to started here (or
	 * the existing one {@code -Ddb.url} names) for the whole of it; remote apps use their
	 * own.
	 */
	void measureEveryStack() throws IOException {
		if (this.options.isRemote()) {
			measureEveryRun(new StackStarter(this.options, this.output, this.cpus, this.progress, Optional.empty()));
			return;
		}
		try (Database.Running running = Database.startOrUse(this.options.database())) {
			this.versions.put("database", running.version());
			this.progress.line("database " + running.database().description() + " (" + running.version()
					+ ((running.started().isPresent()) ? ", on the load generator's CPUs)" : ")"));
			measureEveryRun(new StackStarter(this.options, this.output, this.cpus, this.progress,
					Optional.of(running.database())));
		}
	}

	private void measureEveryRun(StackStarter stacks) throws IOException {
		stacks.startDownstream();
		try {
			this.aot = stacks.prepareAotCaches((stack, target) -> this.warmingUp.train(target,
					this.output.resolve("gatling").resolve(stack.model().id()).resolve("aot-training")));
			for (int run = 1; run <= this.options.repeat(); run++) {
				for (Contender stack : this.options.stacks()) {
					measure(stacks, stack, run);
				}
			}
		}
		finally {
			stacks.stopDownstream();
		}
	}

	/**
	 * One stack's turn: its plain-HTTP scenarios on an app started plainly, then its TLS
	 * scenarios on the same app started again with TLS and HTTP/2, each start warmed up
	 * over the protocol it serves.
	 */
	private void measure(StackStarter stacks, Contender stack, int run) throws IOException {
		for (Scenario.Transport transport : Scenario.Transport.values()) {
			List<Scenario> scenarios = this.options.scenarios()
				.stream()
				.filter((scenario) -> scenario.transport() == transport)
				.toList();
			if (!scenarios.isEmpty()) {
				measure(stacks, stack, run, transport, scenarios);
			}
		}
	}

	private void measure(StackStarter stacks, Contender stack, int run, Scenario.Transport transport,
			List<Scenario> scenarios) throws IOException {
		boolean tls = transport == Scenario.Transport.TLS;
		String turn = ((this.options.repeat() > 1) ? "run " + run + " of " + this.options.repeat() + ": " : "")
				+ (tls ? "over TLS and HTTP/2: " : "");
		this.progress.stack(stack, turn + (this.options.isRemote() ? "checking the remote app's health" : "starting"));
		try (RunningStack running = stacks.start(stack, run, tls)) {
			Target target = running.target();
			Map<String, Object> knobs = new LinkedHashMap<>(tuning(target));
			running.balancer().ifPresent((balancer) -> {
				knobs.put("replicas", this.options.replicas());
				knobs.putAll(balancer.tuning());
			});
			recordTuning(stack, knobs, tls);
			running.springBootVersion().ifPresent((version) -> this.versions.put("spring-boot", version));
			this.progress.stack(stack, "warming up on every core: the fast pages until their throughput stops "
					+ "growing, every other page once, then arrivals until the JIT is done");
			// Its JIT warmed up on every core, then confined to its own for the rest of
			// the warm-up and the scenarios: on its one core the JIT competes with the
			// requests it compiles for, and measured here the plain page still grew after
			// 20 s.
			RunningStack.Confinement confinement = running.release(this.cpus);
			// Attached to before anything is measured: the JVM's management agent starts
			// then, at a cost in CPU that no window should carry.
			Optional<AppCounters> counters = running.counters();
			WarmUp warmUp;
			try {
				warmUp = this.warmingUp.warmUp(target, counters, run, folder(target.stack(), run, "warm-up"),
						confinement);
			}
			catch (IOException | RuntimeException ex) {
				if (!died(running, stack, run, "warm-up", 0)) {
					throw ex;
				}
				return;
			}
			this.warmUps.add(warmUp);
			if (!warmUp.settled()) {
				this.progress.stack(stack, String.format(Locale.ROOT,
						"warm-up ended at the preset's %d s while the JIT still compiled (CPU per request %s µs): "
								+ "the cost table's JIT column shows what compiling was left in its windows",
						this.options.preset().warmUpLimitSeconds(),
						warmUp.cpuMicrosPerRequest()
							.stream()
							.map((micros) -> String.format(Locale.ROOT, "%.0f", micros))
							.toList()));
			}
			// A profiled window's idle footprint is not kept: no table's figure comes
			// from
			// one.
			ProfiledWindows.Measurements measurements = (name, watch, profiled) -> new StackMeasurement(this.options,
					this.output, this.cpus, this.progress, stacks, this.warmingUp, profiled ? (footprint) -> {
					} : this.idleFootprints::add, running, run, folder(target.stack(), run, name), watch);
			Map<Scenario, Map<String, Profile.Window>> measured = new LinkedHashMap<>();
			boolean died = false;
			for (Scenario scenario : scenarios) {
				Optional<ProfiledWindows.Measuring> measuring = this.profiling.measuring(running, run, scenario);
				StackMeasurement measurement = measurements.in(scenario.id(),
						measuring.<StackMeasurement.PhaseWatch>map((watch) -> watch)
							.orElse(StackMeasurement.PhaseWatch.NONE),
						false);
				measurement.awaitIdle();
				this.progress.scenario(stack, scenario);
				ScenarioResult result;
				try {
					if (measuring.isPresent()) {
						measuring.get().begin();
					}
					result = scenario.type().measure(scenario, measurement);
					if (measuring.isPresent()) {
						measuring.get().end(result);
						measured.put(scenario, measuring.get().windows());
					}
				}
				catch (IOException | RuntimeException ex) {
					if (!died(running, stack, run, scenario.id(), 0)) {
						throw ex;
					}
					died = true;
					break;
				}
				this.results.add(result);
				this.progress.done(result);
				if (died(running, stack, run, scenario.id(),
						result.requests().stream().mapToLong(RequestStats::ok).sum())) {
					died = true;
					break;
				}
			}
			// Only once every window of the fork is measured: the profiler's library
			// stays
			// in the process once loaded.
			if (!died) {
				for (Map.Entry<Scenario, Map<String, Profile.Window>> scenario : measured.entrySet()) {
					if (!this.profiling.profile(running, scenario.getKey(), scenario.getValue(), measurements)) {
						died(running, stack, run, "profiling " + scenario.getKey().id(), 0);
						break;
					}
				}
			}
		}
		this.progress.stack(stack, "stopped");
	}

	/**
	 * Whether the stack's app has died (its process ended without being stopped here): if
	 * so, it is recorded and said, and the caller skips the rest of this fork's
	 * scenarios; the run goes on with the next stack.
	 */
	private boolean died(RunningStack running, Contender stack, int run, String during, long answered) {
		Optional<AppProcess.Ended> ended = running.single().flatMap(AppProcess::ended);
		if (ended.isEmpty()) {
			return false;
		}
		AppDeath death = new AppDeath(stack, run, during, ended.get().at(), ended.get().cause(), answered);
		this.deaths.add(death);
		this.progress.stack(stack, death.inWords() + " in " + during
				+ "; the rest of this run's scenarios skipped, the run goes on with the next stack");
		return true;
	}

	/**
	 * A stack's tuning as its first start reported it; a TLS start adds the knobs that
	 * differ (protocols, TLS, HTTP/2), marked as such.
	 */
	private void recordTuning(Contender stack, Map<String, Object> knobs, boolean tls) {
		Map<String, Object> recorded = this.tuning.computeIfAbsent(stack.id(), (id) -> new LinkedHashMap<>());
		knobs.forEach((name, value) -> {
			if (!recorded.containsKey(name)) {
				recorded.put(name, value);
			}
			else if (tls && !value.equals(recorded.get(name))) {
				recorded.put(name + " (TLS scenarios)", value);
			}
		});
	}

	/** A scenario's, or the warm-up's, Gatling folder in the comparison's folder. */
	private Path folder(Contender stack, int run, String scenario) {
		Path stackFolder = this.output.resolve("gatling").resolve(stack.id());
		return ((this.options.repeat() > 1) ? stackFolder.resolve("run-" + run) : stackFolder).resolve(scenario);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> tuning(Target target) {
		try {
			HttpResponse<String> response = MetricsSampler.MANAGEMENT.send(
					HttpRequest.newBuilder(target.actuator("info")).timeout(Duration.ofSeconds(5)).build(),
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

}
