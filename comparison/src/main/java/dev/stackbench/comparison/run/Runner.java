package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.LoadShape;
import dev.stackbench.comparison.result.LoadShape.Capacity;
import dev.stackbench.comparison.result.LoadShape.IdleConnections;
import dev.stackbench.comparison.result.LoadShape.OpenRate;
import dev.stackbench.comparison.result.LoadShape.Steps;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.RateStep;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.comparison.result.WarmUp;
import dev.stackbench.comparison.theory.CapacitySearch;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures every stack: for each repetition, for each stack in turn, start its app (or
 * reach it, in remote mode), warm it up, run every scenario against it while sampling its
 * metrics, stop it, and move on. Never two stacks at once; repetitions interleave
 * (platform, virtual, reactive, platform, ...) so that a machine's drift hits every stack
 * alike.
 */
final class Runner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

	/**
	 * The app's CPU, as a share of its cores, under which it counts as quiet. After the
	 * warm-up the JIT goes on compiling for a while: on one core, measured here, C2 alone
	 * took half of it for 20 s and more, and a capacity search that started then saw p99s
	 * of 100 ms to 2 s at 1,000 req/s on every stack, against 3 to 20 ms once compiled.
	 */
	private static final double QUIET_CPU_SHARE = 0.1;

	private static final Duration QUIET_WINDOW = Duration.ofSeconds(2);

	private static final List<String> WARM_UP_PATHS = List.of("/api/hello", "/api/slow?delay=10", "/api/cpu?work=2000",
			"/api/db/query?delay=1");

	private static final double WARM_UP_ARRIVALS_PER_SECOND = 300;

	/**
	 * Two warm-up rounds in a row that grow the plain page's best throughput by less than
	 * this: the JIT is done.
	 */
	private static final double WARM_UP_GROWTH = 0.05;

	/**
	 * Long enough that a round's throughput is not mostly its first and last partial
	 * seconds.
	 */
	private static final int WARM_UP_ROUND_SECONDS = 4;

	/**
	 * The other paths' warm-up: long enough for the JIT to see each of them, once the
	 * plain page is compiled.
	 */
	private static final int WARM_UP_OTHER_PATH_SECONDS = 3;

	/** About how long Gatling takes to start a simulation, on this machine. */
	private static final int GATLING_START_SECONDS = 3;

	private final Options options;

	private final Path output;

	private final CpuSplit cpus;

	private final Progress progress;

	private final List<ScenarioResult> results = new ArrayList<>();

	private final List<WarmUp> warmUps = new ArrayList<>();

	private final List<IdleFootprint> idleFootprints = new ArrayList<>();

	private final Map<String, Map<String, Object>> tuning = new LinkedHashMap<>();

	private final Map<String, String> versions = new LinkedHashMap<>();

	/**
	 * The database every app connects to, while the run is going; none for remote apps.
	 */
	private Optional<Database> database = Optional.empty();

	/** The service {@code /api/downstream} calls, while a run that needs one is going. */
	private Optional<AppProcess> downstream = Optional.empty();

	Runner(Options options, Path output, CpuSplit cpus) {
		this.options = options;
		this.output = output;
		this.cpus = cpus;
		this.progress = new Progress(options);
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

	/** Every stack's tuning as its {@code /actuator/info} reported it, by stack id. */
	Map<String, Map<String, Object>> tuning() {
		return this.tuning;
	}

	/** The Spring Boot version of the jars, as far as it could be read. */
	Map<String, String> versions() {
		return this.versions;
	}

	void measureEveryStack() throws IOException {
		if (this.options.isRemote()) {
			measureEveryRun();
			return;
		}
		try (Database.Running running = Database.startOrUse(this.options.database())) {
			this.database = Optional.of(running.database());
			this.versions.put("database", running.version());
			this.progress.line("database " + running.database().description() + " (" + running.version()
					+ ((running.started().isPresent()) ? ", on the load generator's CPUs)" : ")"));
			measureEveryRun();
		}
		finally {
			this.database = Optional.empty();
		}
	}

	private void measureEveryRun() throws IOException {
		this.downstream = startDownstream();
		try {
			for (int run = 1; run <= this.options.repeat(); run++) {
				for (ServingModel stack : this.options.stacks()) {
					measure(stack, run);
				}
			}
		}
		finally {
			this.downstream.ifPresent(AppProcess::close);
		}
	}

	/**
	 * One stack's turn: its plain-HTTP scenarios on an app started plainly, then its TLS
	 * scenarios on the same app started again with TLS and HTTP/2, each start warmed up
	 * over the protocol it serves.
	 */
	private void measure(ServingModel stack, int run) throws IOException {
		for (Scenario.Transport transport : Scenario.Transport.values()) {
			List<Scenario> scenarios = this.options.scenarios()
				.stream()
				.filter((scenario) -> scenario.transport() == transport)
				.toList();
			if (!scenarios.isEmpty()) {
				measure(stack, run, transport, scenarios);
			}
		}
	}

	private void measure(ServingModel stack, int run, Scenario.Transport transport, List<Scenario> scenarios)
			throws IOException {
		boolean tls = transport == Scenario.Transport.TLS;
		String turn = ((this.options.repeat() > 1) ? "run " + run + " of " + this.options.repeat() + ": " : "")
				+ (tls ? "over TLS and HTTP/2: " : "");
		this.progress.stack(stack, turn + (this.options.isRemote() ? "checking the remote app's health" : "starting"));
		try (RunningStack running = start(stack, run, tls)) {
			Target target = running.target();
			Map<String, Object> knobs = new LinkedHashMap<>(tuning(target));
			running.balancer().ifPresent((balancer) -> {
				knobs.put("replicas", this.options.replicas());
				knobs.putAll(balancer.tuning());
			});
			recordTuning(stack, knobs, tls);
			running.springBootVersion().ifPresent((version) -> this.versions.put("spring-boot", version));
			this.progress.stack(stack,
					"warming up until the plain page's throughput stops growing, then every path once");
			WarmUp warmUp = warmUp(target, run);
			this.warmUps.add(warmUp);
			if (!warmUp.settled()) {
				this.progress.stack(stack, String.format(Locale.ROOT,
						"warm-up cut short at the preset's %d s while the plain page still grew (%,.0f req/s, best "
								+ "%,.0f): the first scenario meets an app the JIT is still compiling",
						this.options.preset().warmUpLimitSeconds(), warmUp.lastThroughput(), warmUp.bestThroughput()));
			}
			for (Scenario scenario : scenarios) {
				awaitIdle(target);
				this.progress.scenario(stack, scenario);
				ScenarioResult result = measure(running, scenario, run);
				this.results.add(result);
				this.progress.done(result);
			}
		}
		this.progress.stack(stack, "stopped");
	}

	/**
	 * A stack's tuning as its first start reported it; a TLS start adds the knobs that
	 * differ (protocols, TLS, HTTP/2), marked as such.
	 */
	private void recordTuning(ServingModel stack, Map<String, Object> knobs, boolean tls) {
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

	/**
	 * One downstream service for the whole run, the same for every stack: a reactive app
	 * (it answers its slow page from timers, so it is not what limits the stack under
	 * test), on the load generator's cores so that it takes nothing from the app
	 * measured. Remote apps call whatever downstream they are configured with.
	 */
	private Optional<AppProcess> startDownstream() throws IOException {
		if (this.options.isRemote() || this.options.scenarios().stream().noneMatch(Scenario::callsDownstream)) {
			return Optional.empty();
		}
		AppProcess downstream = AppProcess.start(ServingModel.REACTIVE, this.options.root(),
				this.cpus.loadGeneratorPlacement(), databaseArguments(), logs().resolve("downstream.log"));
		this.progress.line("downstream service (reactive app) on " + downstream.target().baseUrl()
				+ ", on the load generator's CPUs");
		return Optional.of(downstream);
	}

	private RunningStack start(ServingModel stack, int run, boolean tls) throws IOException {
		Optional<Target> remote = Optional.ofNullable(this.options.remote().get(stack));
		if (remote.isPresent() && tls) {
			throw new IllegalArgumentException("the TLS scenarios start the app with TLS themselves; "
					+ "against a remote app, run the plain ones");
		}
		if (remote.isPresent()) {
			AppProcess.awaitHealthy(remote.get(), Duration.ofSeconds(30), null);
			return new RunningStack(remote.get(), List.of(), Optional.empty(), Optional.empty());
		}
		List<String> arguments = new ArrayList<>(databaseArguments());
		arguments.addAll(this.options.appArguments());
		this.downstream
			.ifPresent((service) -> arguments.add("--stackbench.downstream.base-url=" + service.target().baseUrl()));
		Optional<String> version = AppProcess.springBootVersion(this.options.root(), stack.app());
		if (!this.options.isBalanced()) {
			AppProcess app = AppProcess.start(stack, this.options.root(), this.cpus.appPlacement(), arguments,
					logs().resolve(logName(stack, run, tls, "")), tls);
			return new RunningStack(app.target(), List.of(app), Optional.empty(), version);
		}
		return startBehindBalancer(stack, run, arguments, version);
	}

	/**
	 * {@code -Dreplicas} copies of the app, each on its share of the app's cores with the
	 * same JVM options, and nginx in front of them on the app's cores.
	 */
	private RunningStack startBehindBalancer(ServingModel stack, int run, List<String> arguments,
			Optional<String> version) throws IOException {
		List<AppProcess> replicas = new ArrayList<>();
		try {
			List<CpuSplit.Placement> placements = this.cpus.replicaPlacements(this.options.replicas());
			for (int replica = 1; replica <= placements.size(); replica++) {
				this.progress.stack(stack, "starting replica " + replica + " of " + placements.size());
				replicas.add(AppProcess.start(stack, this.options.root(), placements.get(replica - 1), arguments,
						logs().resolve(logName(stack, run, false, "-replica-" + replica))));
			}
			LoadBalancer balancer = LoadBalancer.start(replicas.stream().map((app) -> app.target().baseUrl()).toList(),
					this.cpus.appPlacement(), this.output.resolve("balancer")
						.resolve(stack.id() + ((this.options.repeat() > 1) ? "-run-" + run : "")));
			this.progress.stack(stack,
					"nginx on " + balancer.baseUrl() + " in front of " + replicas.size() + " replicas");
			return new RunningStack(
					Target.balanced(balancer.baseUrl(), replicas.stream().map(AppProcess::target).toList()), replicas,
					Optional.of(balancer), version);
		}
		catch (IOException | RuntimeException ex) {
			replicas.forEach(AppProcess::close);
			throw ex;
		}
	}

	private String logName(ServingModel stack, int run, boolean tls, String replica) {
		return stack.id() + replica + (tls ? "-tls" : "") + ((this.options.repeat() > 1) ? "-run-" + run : "") + ".log";
	}

	private List<String> databaseArguments() {
		return this.database.map(Database::appArguments).orElse(List.of());
	}

	private Path logs() throws IOException {
		return Files.createDirectories(this.output.resolve("logs"));
	}

	/**
	 * Loads the paths the scenarios use, the waiting one included: the JIT compiles what
	 * it has seen run, and a thousand sleeping virtual threads take a different path from
	 * a fast page. The plain page is loaded in rounds until its throughput stops growing:
	 * on one core the JIT takes long to be done (measured here, the reactive app served
	 * 1,100, 1,900, 4,600 and then 11,000 req/s in four 8 s rounds after its start, and a
	 * warm-up of 2 s rounds that stopped at a tenth's growth left the platform app at 95%
	 * CPU for its first 1,000 req/s). Then arrivals at a modest rate, so that accepting
	 * and closing connections is compiled too: an open model's first step otherwise meets
	 * an app that accepts slowly, each slow answer makes the load generator open another
	 * connection, and a cold app went from 3 ms to seconds at 1,000 req/s with thousands
	 * of connections open.
	 */
	private WarmUp warmUp(Target target, int run) throws IOException {
		Path folder = folder(target.stack(), run, "warm-up");
		Instant deadline = Instant.now().plusSeconds(this.options.preset().warmUpLimitSeconds());
		// Done when two rounds in a row fail to beat the best so far by WARM_UP_GROWTH:
		// one flat round is often only the pause between the JIT's tiers.
		double best = 0;
		double now = 0;
		int flat = 0;
		int rounds = 0;
		while (flat < 2 && Instant.now().isBefore(deadline)) {
			now = warmUpRound(target, WARM_UP_PATHS.getFirst(), WARM_UP_ROUND_SECONDS, folder);
			rounds++;
			flat = (now > best * (1 + WARM_UP_GROWTH)) ? 0 : flat + 1;
			best = Math.max(best, now);
			this.progress.stack(target.stack(), String.format(Locale.ROOT, "warming up: %,.0f req/s on %s%s", now,
					WARM_UP_PATHS.getFirst(), (flat == 0) ? ", still growing" : ""));
		}
		for (String path : WARM_UP_PATHS.subList(1, WARM_UP_PATHS.size())) {
			warmUpRound(target, path, WARM_UP_OTHER_PATH_SECONDS, folder);
		}
		GatlingRun.run(
				new OpenRate(WARM_UP_PATHS.getFirst(), WARM_UP_ARRIVALS_PER_SECOND, WARM_UP_OTHER_PATH_SECONDS, 60_000),
				target.baseUrl(), this.options.isRemote(), folder, false);
		awaitQuiet(target);
		return new WarmUp(target.stack(), run, rounds, best, now, flat >= 2);
	}

	/** 64 users on one page for a few seconds; its throughput. */
	private double warmUpRound(Target target, String path, int seconds, Path folder) throws IOException {
		return GatlingRun
			.run(new Steps(path, List.of(64), seconds, 60_000, 100, ""), target.baseUrl(), this.options.isRemote(),
					folder, false)
			.requests()
			.stream()
			.mapToDouble(RequestStats::throughput)
			.sum();
	}

	private Path folder(ServingModel stack, int run, String scenario) {
		Path stackFolder = this.output.resolve("gatling").resolve(stack.id());
		return ((this.options.repeat() > 1) ? stackFolder.resolve("run-" + run) : stackFolder).resolve(scenario);
	}

	private ScenarioResult measure(RunningStack running, Scenario scenario, int run) throws IOException {
		Target target = running.target();
		Path folder = folder(target.stack(), run, scenario.id());
		if (scenario.load() instanceof Capacity capacity) {
			return searchCapacity(running, scenario, capacity, run, folder);
		}
		if (scenario.load() instanceof IdleConnections idle && running.single().isPresent()) {
			return measureHolding(idle, running.single().get().handle().pid(), running, scenario, run, folder);
		}
		return measureOnce(running, scenario, run, folder);
	}

	private ScenarioResult measureOnce(RunningStack running, Scenario scenario, int run, Path folder)
			throws IOException {
		Target target = running.target();
		if (scenario.load() instanceof LoadShape.Phased phased) {
			return measurePhases(running, scenario, phased, run, folder);
		}
		Measured measured = measure(running, scenario.load(), folder, true);
		return new ScenarioResult(target.stack(), scenario, run, measured.outcome().assertionsPassed(),
				report(measured.outcome()), measured.outcome().requests(), measured.outcome().errors(), measured.app(),
				measured.loadGeneratorCpuSeconds(), measured.seconds(), List.of());
	}

	/**
	 * A phased scenario one Gatling run per phase, each with the app's metrics sampled
	 * over it alone: connections open and CPU belong to one phase, not to the scenario. A
	 * failover phase stops a replica and starts it again while its run goes on.
	 */
	private ScenarioResult measurePhases(RunningStack running, Scenario scenario, LoadShape.Phased phased, int run,
			Path folder) throws IOException {
		Target target = running.target();
		List<RequestStats> requests = new ArrayList<>();
		List<ErrorCount> errors = new ArrayList<>();
		List<PhaseResult> phases = new ArrayList<>();
		boolean passed = true;
		double loadGeneratorCpu = 0;
		String firstReport = null;
		for (String phase : phased.phases()) {
			if (!phases.isEmpty()) {
				awaitIdle(target);
			}
			Optional<ReplicaStop> stop = (phased instanceof LoadShape.Failover failover)
					? Optional.of(ReplicaStop.begin(running, failover, phase,
							logs().resolve(logName(target.stack(), run, false,
									"-replica-" + running.replicaCount() + "-" + phase)),
							this.progress))
					: Optional.empty();
			Measured measured = measure(running, phased.onlyPhase(phase),
					folder.resolve("phase-" + (phases.size() + 1)), true);
			requests.addAll(measured.outcome().requests());
			errors.addAll(measured.outcome().errors());
			phases.add(new PhaseResult(phase, measured.app(), measured.seconds(),
					(stop.isPresent()) ? stop.get().finish(measured.outcome()) : null));
			passed &= measured.outcome().assertionsPassed();
			loadGeneratorCpu += measured.loadGeneratorCpuSeconds();
			firstReport = (firstReport != null) ? firstReport : report(measured.outcome());
		}
		return new ScenarioResult(target.stack(), scenario, run, passed, firstReport, requests, errors,
				AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), loadGeneratorCpu,
				phases.stream().mapToDouble(PhaseResult::seconds).sum(), List.of(), phases);
	}

	/**
	 * An idle-connections run, with what the app's process holds measured before the
	 * first connection and again while all of them are open.
	 */
	private ScenarioResult measureHolding(IdleConnections idle, long pid, RunningStack running, Scenario scenario,
			int run, Path folder) throws IOException {
		Target target = running.target();
		URI metrics = target.actuator("prometheus");
		IdleFootprint.Usage before = ProcessFootprint.read(pid, metrics);
		CompletableFuture<Optional<IdleFootprint.Usage>> held = CompletableFuture
			.supplyAsync(() -> whenAllOpen(idle, pid, metrics), Thread.ofVirtual()::start);
		ScenarioResult result = measureOnce(running, scenario, run, folder);
		held.join()
			.ifPresent((usage) -> this.idleFootprints.add(new IdleFootprint(target.stack(), run, idle.connections(),
					result.app().maxConnections(), before, usage, ProcessFootprint.openFilesLimit(pid),
					ProcessFootprint.openFilesLimit(ProcessHandle.current().pid()))));
		return result;
	}

	/**
	 * Once the server counts every connection open and the probe is done (its full
	 * garbage collection pauses the app, which a probe would time), or at the latest a
	 * few seconds before the hold ends.
	 */
	private static Optional<IdleFootprint.Usage> whenAllOpen(IdleConnections idle, long pid, URI metrics) {
		Instant started = Instant.now();
		Instant earliest = started.plusSeconds(GATLING_START_SECONDS + idle.rampSeconds() + idle.probeSeconds());
		Instant latest = started.plusSeconds(GATLING_START_SECONDS + idle.rampSeconds() + idle.holdSeconds() - 3);
		while (Instant.now().isBefore(earliest) || (Instant.now().isBefore(latest)
				&& MetricsSampler.openConnections(metrics).orElse(0) < idle.connections())) {
			AppProcess.sleep(Duration.ofSeconds(1));
		}
		try {
			return Optional.of(ProcessFootprint.read(pid, metrics));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Steps the arrival rate up geometrically, one Gatling run a step, until
	 * {@link CapacitySearch#goOn} says the search is over: two steps past one that did
	 * not hold with none holding since, or the load generator gave out.
	 */
	private ScenarioResult searchCapacity(RunningStack running, Scenario scenario, Capacity capacity, int run,
			Path folder) throws IOException {
		Target target = running.target();
		List<RateStep> steps = new ArrayList<>();
		List<ErrorCount> errors = new ArrayList<>();
		String firstReport = null;
		boolean firstStepPassed = false;
		long loadGeneratorCpuBefore = Machine.loadGeneratorCpuNanos();
		Instant started = Instant.now();
		AppMetrics app;
		try (MetricsSampler sampler = sampler(running)) {
			List<CapacitySearch.Verdict> verdicts = new ArrayList<>();
			for (int index = 0; index < capacity.maxSteps() && CapacitySearch.goOn(verdicts); index++) {
				if (index > 0) {
					awaitIdle(target);
				}
				OpenRate load = capacity.step(index);
				Measured measured = measure(running, load, folder.resolve("step-" + (index + 1)), index == 0);
				GatlingRun.Outcome outcome = measured.outcome();
				RequestStats stats = outcome.requests().isEmpty()
						? new RequestStats(load.path(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
						: outcome.requests().getFirst();
				RateStep step = new RateStep(load.rate(), stats, load.durationSeconds(),
						measured.app().cpuSeconds() / measured.seconds() / this.cpus.appCores(),
						measured.loadGeneratorCpuSeconds() / measured.seconds() / this.cpus.loadGeneratorCores(),
						measured.app().meanInFlight());
				steps.add(step);
				errors.addAll(outcome.errors());
				if (index == 0) {
					firstReport = report(outcome);
					firstStepPassed = outcome.assertionsPassed();
				}
				CapacitySearch.Verdict verdict = CapacitySearch.verdict(step, capacity);
				verdicts.add(verdict);
				this.progress.line("[" + target.stack().id() + "] " + scenario.id() + " step " + (index + 1) + ": "
						+ CapacitySearch.describe(step, verdict));
			}
			app = sampler.finish();
		}
		double loadGeneratorCpu = (Machine.loadGeneratorCpuNanos() - loadGeneratorCpuBefore) / 1e9;
		return new ScenarioResult(target.stack(), scenario, run, firstStepPassed, firstReport,
				steps.stream().map(RateStep::stats).toList(), errors, app, loadGeneratorCpu,
				Duration.between(started, Instant.now()).toMillis() / 1000.0, steps);
	}

	/**
	 * One Gatling run with the app's metrics sampled over it and the load generator's CPU
	 * measured.
	 */
	private Measured measure(RunningStack running, LoadShape load, Path folder, boolean htmlReport) throws IOException {
		Target target = running.target();
		long loadGeneratorCpuBefore = Machine.loadGeneratorCpuNanos();
		Instant started = Instant.now();
		try (MetricsSampler sampler = sampler(running)) {
			GatlingRun.Outcome outcome = GatlingRun.run(load, target.baseUrl(), this.options.isRemote(), folder,
					htmlReport);
			AppMetrics app = sampler.finish();
			return new Measured(outcome, app, (Machine.loadGeneratorCpuNanos() - loadGeneratorCpuBefore) / 1e9,
					Duration.between(started, Instant.now()).toMillis() / 1000.0);
		}
	}

	/**
	 * Samples every replica of the stack, and the balancer's CPU where one is in front.
	 */
	private MetricsSampler sampler(RunningStack running) {
		return new MetricsSampler(running.target().actuators("prometheus"),
				running.balancer().map((balancer) -> balancer::cpuSeconds));
	}

	private String report(GatlingRun.Outcome outcome) {
		return this.output.relativize(outcome.report().resolve("index.html")).toString();
	}

	/**
	 * Waits until the app has no request in flight, so that one scenario's leftovers do
	 * not load the next: a thread pool keeps working through requests whose clients gave
	 * up (after a flood, minutes of them).
	 */
	private void awaitIdle(Target target) {
		Instant deadline = Instant.now().plus(IDLE_TIMEOUT);
		double inFlight = MetricsSampler.inFlight(target.actuators("prometheus"));
		if (inFlight <= 0) {
			return;
		}
		this.progress.stack(target.stack(),
				"waiting for " + Math.round(inFlight) + " requests left in flight to finish");
		while (inFlight > 0 && Instant.now().isBefore(deadline)) {
			AppProcess.sleep(Duration.ofSeconds(1));
			inFlight = MetricsSampler.inFlight(target.actuators("prometheus"));
		}
		if (inFlight > 0) {
			this.progress.stack(target.stack(), "still " + Math.round(inFlight) + " requests in flight after "
					+ IDLE_TIMEOUT.toSeconds() + " s; the next scenario starts on a busy app");
		}
	}

	/**
	 * Waits until the app's own CPU is below {@link #QUIET_CPU_SHARE} of its cores over
	 * {@link #QUIET_WINDOW}: the JIT done with what the warm-up or the last scenario made
	 * hot, the garbage collector done with its leftovers.
	 */
	private void awaitQuiet(Target target) {
		if (this.options.isRemote()) {
			return;
		}
		Instant deadline = Instant.now().plus(IDLE_TIMEOUT);
		double share = 1;
		while (Instant.now().isBefore(deadline)) {
			double before = MetricsSampler.cpuSeconds(target.actuators("prometheus"));
			AppProcess.sleep(QUIET_WINDOW);
			double after = MetricsSampler.cpuSeconds(target.actuators("prometheus"));
			share = (after - before) / QUIET_WINDOW.toMillis() * 1000 / this.cpus.appCores();
			if (share < QUIET_CPU_SHARE) {
				return;
			}
		}
		this.progress.stack(target.stack(),
				String.format(Locale.ROOT, "still at %.0f%% CPU after %d s; the next scenario starts on a busy app",
						100 * share, IDLE_TIMEOUT.toSeconds()));
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

	/**
	 * One Gatling run's outcome, the app's metrics over it, the load generator's CPU and
	 * the run's wall time.
	 */
	private record Measured(GatlingRun.Outcome outcome, AppMetrics app, double loadGeneratorCpuSeconds,
			double seconds) {
	}

}
