package dev.stackbench.comparison.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.stackbench.comparison.result.AppMetrics;
import dev.stackbench.comparison.result.ErrorCount;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.IdleFootprint;
import dev.stackbench.comparison.result.PhaseResult;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.WarmUp;
import dev.stackbench.comparison.scenario.Measurement;
import io.gatling.javaapi.core.Simulation;

/**
 * What a scenario type measures one stack with, in one run: Gatling, the app's metrics,
 * the running replicas. Each Gatling run is sampled (every replica, and the balancer's
 * CPU) and its load generator's CPU measured; a scenario of phases runs one Gatling run
 * per phase; a failover phase stops a replica ({@link ReplicaStop}); an idle-connections
 * scenario reads what the app's process holds, for {@code idleFootprints}.
 */
final class StackMeasurement implements Measurement {

	/**
	 * The longest {@link #awaitIdle()} waits for the requests in flight, and
	 * {@link WarmingUp} for the app's CPU to be quiet.
	 */
	static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);

	private final Options options;

	/** The comparison's folder, which reports' paths are relative to. */
	private final Path output;

	private final CpuSplit cpus;

	private final Progress progress;

	/** Where a restarted replica's log goes, and what starts a bare app. */
	private final StackStarter stacks;

	/** What warms a bare app up, as the stack's was. */
	private final WarmingUp warmingUp;

	/** Takes what each local app held for its idle connections. */
	private final Consumer<IdleFootprint> idleFootprints;

	private final RunningStack running;

	private final int run;

	/** The scenario's Gatling folder. */
	private final Path folder;

	/** Told as each phase of a scenario of phases begins and ends. */
	private final PhaseWatch watch;

	StackMeasurement(Options options, Path output, CpuSplit cpus, Progress progress, StackStarter stacks,
			WarmingUp warmingUp, Consumer<IdleFootprint> idleFootprints, RunningStack running, int run, Path folder,
			PhaseWatch watch) {
		this.options = options;
		this.output = output;
		this.cpus = cpus;
		this.progress = progress;
		this.stacks = stacks;
		this.warmingUp = warmingUp;
		this.idleFootprints = idleFootprints;
		this.running = running;
		this.run = run;
		this.folder = folder;
		this.watch = watch;
	}

	@Override
	public Contender stack() {
		return this.running.target().stack();
	}

	@Override
	public int run() {
		return this.run;
	}

	@Override
	public ScenarioResult once(Scenario scenario, Class<? extends Simulation> simulation, Record load)
			throws IOException {
		Measured measured = measure(simulation, load, this.folder, true);
		return new ScenarioResult(stack(), scenario, this.run, measured.assertionsPassed(), measured.report(),
				measured.requests(), measured.errors(), measured.app(), measured.loadGeneratorCpuSeconds(),
				measured.seconds(), List.of())
			.withAssertions(measured.assertions());
	}

	@Override
	public Optional<Bare> bare(List<String> paths) throws IOException {
		if (this.running.single().isEmpty()) {
			return Optional.empty();
		}
		this.progress.stack(stack(), "starting its bare Spring Boot app beside it");
		RunningStack bare = this.stacks.startBare(stack(), this.run);
		try {
			// Warmed up as the app was: on every core, then on the app's own.
			RunningStack.Confinement confinement = bare.release(this.cpus);
			WarmUp warmUp = this.warmingUp.warmUp(bare.target(), bare.counters(), this.run,
					this.folder.resolve("bare-warm-up"), confinement, paths);
			StackMeasurement measurement = new StackMeasurement(this.options, this.output, this.cpus, this.progress,
					this.stacks, this.warmingUp, (footprint) -> {
					}, bare, this.run, this.folder.resolve("bare"), PhaseWatch.NONE);
			return Optional.of(new Bare() {

				@Override
				public Measurement measurement() {
					return measurement;
				}

				@Override
				public boolean settled() {
					return warmUp.settled();
				}

				@Override
				public URI baseUrl() {
					return bare.target().baseUrl();
				}

				@Override
				public Paired costTogether(Class<? extends Simulation> simulation, Record load, String name)
						throws IOException {
					return costBeside(bare, simulation, load, name);
				}

				@Override
				public void close() {
					bare.close();
				}

			});
		}
		catch (IOException | RuntimeException ex) {
			bare.close();
			throw ex;
		}
	}

	@Override
	public ScenarioResult phases(Scenario scenario, Class<? extends Simulation> simulation, List<String> names,
			Function<String, Record> loadOfPhase, Function<String, Optional<Disruptor>> disruption) throws IOException {
		List<RequestStats> requests = new ArrayList<>();
		List<ErrorCount> errors = new ArrayList<>();
		List<PhaseResult> phases = new ArrayList<>();
		List<GatlingAssertion> assertions = new ArrayList<>();
		boolean passed = true;
		double loadGeneratorCpu = 0;
		String firstReport = null;
		for (String phase : names) {
			if (!phases.isEmpty()) {
				awaitIdle();
			}
			Optional<Disruptor> stop = disruption.apply(phase);
			this.watch.opening(phase);
			Measured measured = measure(simulation, loadOfPhase.apply(phase),
					this.folder.resolve("phase-" + (phases.size() + 1)), true);
			this.watch.closing(phase, measured);
			requests.addAll(measured.requests());
			errors.addAll(measured.errors());
			phases.add(new PhaseResult(phase, measured.app(), measured.seconds(),
					(stop.isPresent()) ? stop.get().finish(measured) : null));
			passed &= measured.assertionsPassed();
			measured.assertions().stream().map((assertion) -> assertion.in(phase)).forEach(assertions::add);
			loadGeneratorCpu += measured.loadGeneratorCpuSeconds();
			firstReport = (firstReport != null) ? firstReport : measured.report();
		}
		return new ScenarioResult(stack(), scenario, this.run, passed, firstReport, requests, errors,
				AppMetrics.combine(phases.stream().map(PhaseResult::app).toList()), loadGeneratorCpu,
				phases.stream().mapToDouble(PhaseResult::seconds).sum(), List.of(), phases)
			.withAssertions(assertions);
	}

	@Override
	public Disruptor stopReplica(String phase, boolean graceful, int stopAtSeconds, int restartAtSeconds,
			int durationSeconds) {
		try {
			ReplicaStop stop = ReplicaStop.begin(this.running,
					new ReplicaStop.Schedule(stopAtSeconds, restartAtSeconds, durationSeconds), phase, graceful,
					this.stacks.log(stack(), this.run, false, "-replica-" + this.running.replicaCount() + "-" + phase),
					this.progress);
			return stop::finish;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What the app's process holds measured before the first connection and again while
	 * all of them are open; a remote or balanced app's is not read.
	 */
	@Override
	public ScenarioResult holdingConnections(Scenario scenario, Class<? extends Simulation> simulation, Record load,
			int connections, int earliestSeconds, int latestSeconds) throws IOException {
		if (this.running.single().isEmpty()) {
			return once(scenario, simulation, load);
		}
		long pid = this.running.single().get().handle().pid();
		URI metrics = this.running.target().actuator("prometheus");
		IdleFootprint.Usage before = ProcessFootprint.read(pid, metrics);
		CompletableFuture<Optional<IdleFootprint.Usage>> held = CompletableFuture.supplyAsync(
				() -> whenAllOpen(connections, earliestSeconds, latestSeconds, pid, metrics),
				Thread.ofVirtual()::start);
		ScenarioResult result = once(scenario, simulation, load);
		held.join()
			.ifPresent((usage) -> this.idleFootprints.accept(new IdleFootprint(stack(), this.run, connections,
					result.app().maxConnections(), before, usage, ProcessFootprint.openFilesLimit(pid),
					ProcessFootprint.openFilesLimit(ProcessHandle.current().pid()))));
		return result;
	}

	/**
	 * Once the server counts every connection open, after {@code earliestSeconds} and at
	 * the latest at {@code latestSeconds} from now: what the app's process holds.
	 */
	private static Optional<IdleFootprint.Usage> whenAllOpen(int connections, int earliestSeconds, int latestSeconds,
			long pid, URI metrics) {
		Instant started = Instant.now();
		Instant earliest = started.plusSeconds(earliestSeconds);
		Instant latest = started.plusSeconds(latestSeconds);
		while (Instant.now().isBefore(earliest) || (Instant.now().isBefore(latest)
				&& MetricsSampler.openConnections(metrics).orElse(0) < connections)) {
			AppProcess.sleep(Duration.ofSeconds(1));
		}
		try {
			return Optional.of(ProcessFootprint.read(pid, metrics));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	@Override
	public Measured run(Class<? extends Simulation> simulation, Record load, String name, boolean htmlReport)
			throws IOException {
		return measure(simulation, load, this.folder.resolve(name), htmlReport);
	}

	/**
	 * One Gatling run with the app's metrics sampled over it and the load generator's CPU
	 * measured.
	 */
	private Measured measure(Class<? extends Simulation> simulation, Record load, Path folder, boolean htmlReport)
			throws IOException {
		Target target = this.running.target();
		long loadGeneratorCpuBefore = Machine.loadGeneratorCpuNanos();
		Instant started = Instant.now();
		try (MetricsSampler sampler = sampling()) {
			GatlingRun.Outcome outcome = GatlingRun.run(simulation, load, target, this.options.isRemote(), folder,
					htmlReport);
			AppMetrics app = sampler.finish();
			return new Measured(outcome.assertionsPassed(), outcome.assertions(), report(outcome), outcome.report(),
					outcome.requests(), outcome.errors(), app,
					(Machine.loadGeneratorCpuNanos() - loadGeneratorCpuBefore) / 1e9,
					Duration.between(started, Instant.now()).toMillis() / 1000.0);
		}
	}

	@Override
	public Costed cost(Class<? extends Simulation> simulation, Record load, String name) throws IOException {
		return costBeside(null, simulation, load, name).app();
	}

	/**
	 * A run of {@link #cost}, with the bare app's counters read around it too where one
	 * runs beside the app ({@code bare} not null): each app's JVM is asked before its CPU
	 * is read as the window opens, and after as it closes.
	 */
	private Paired costBeside(RunningStack bare, Class<? extends Simulation> simulation, Record load, String name)
			throws IOException {
		Optional<AppCounters> counters = this.running.counters();
		Optional<AppCounters> bareCounters = (bare != null) ? bare.counters() : Optional.empty();
		Optional<ProcessCounters> before = (counters.isPresent()) ? Optional.of(counters.get().readOpening())
				: Optional.empty();
		Optional<ProcessCounters> bareBefore = (bareCounters.isPresent())
				? Optional.of(bareCounters.get().readOpening()) : Optional.empty();
		Optional<CpuSlices> slices = (before.isPresent() && bareBefore.isPresent())
				? Optional.of(CpuSlices.start(counters.get().pid(), bareCounters.get().pid())) : Optional.empty();
		long loadGeneratorCpuBefore = Machine.loadGeneratorCpuNanos();
		Instant started = Instant.now();
		GatlingRun.Outcome outcome;
		try {
			outcome = GatlingRun.run(simulation, load, this.running.target(), this.options.isRemote(),
					this.folder.resolve(name), true);
		}
		finally {
			slices.ifPresent(CpuSlices::close);
		}
		Optional<ProcessCounters> after = (counters.isPresent()) ? Optional.of(counters.get().readClosing())
				: Optional.empty();
		Optional<ProcessCounters> bareAfter = (bareCounters.isPresent()) ? Optional.of(bareCounters.get().readClosing())
				: Optional.empty();
		double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
		Measured measured = new Measured(outcome.assertionsPassed(), outcome.assertions(), report(outcome),
				outcome.report(), outcome.requests(), outcome.errors(), AppMetrics.NONE,
				(Machine.loadGeneratorCpuNanos() - loadGeneratorCpuBefore) / 1e9, seconds);
		return new Paired(new Costed(measured, before, after, seconds),
				new Costed(measured, bareBefore, bareAfter, seconds), slices.map(CpuSlices::ratios).orElse(List.of()));
	}

	private String report(GatlingRun.Outcome outcome) {
		return this.output.relativize(outcome.report().resolve("index.html")).toString();
	}

	/**
	 * Samples every replica of the stack, and the balancer's CPU where one is in front.
	 */
	@Override
	public MetricsSampler sampling() {
		return new MetricsSampler(this.running.target().actuators("prometheus"),
				this.running.balancer().map((balancer) -> balancer::cpuSeconds));
	}

	/**
	 * Waits until the app has no request in flight, so that one scenario's leftovers do
	 * not load the next: a thread pool keeps working through requests whose clients gave
	 * up (after a flood, minutes of them).
	 */
	@Override
	public void awaitIdle() {
		Target target = this.running.target();
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

	@Override
	public double loadGeneratorCpuSeconds() {
		return Machine.loadGeneratorCpuNanos() / 1e9;
	}

	@Override
	public int appCores() {
		return this.cpus.appCores();
	}

	@Override
	public int loadGeneratorCores() {
		return this.cpus.loadGeneratorCores();
	}

	@Override
	public void progress(String line) {
		this.progress.line(line);
	}

	/**
	 * Told as each phase of a scenario of phases begins (just before its load generator's
	 * first request) and ends (just after its last answer): what reads or profiles the
	 * app phase by phase.
	 */
	interface PhaseWatch {

		PhaseWatch NONE = new PhaseWatch() {
		};

		default void opening(String phase) throws IOException {
		}

		default void closing(String phase, Measured measured) throws IOException {
		}

	}

}
