package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ServingModel;

/**
 * Starts and stops what a run loads: each stack for its turn (one app, or
 * {@code -Dreplicas} of them behind nginx, or an app already running elsewhere), with the
 * database's and the downstream service's arguments, its log in the comparison's
 * {@code logs} folder; and the downstream service, once for the whole run. The database
 * itself is started by {@link Runner#measureEveryStack()}, which hands it here.
 */
final class StackStarter {

	private final Options options;

	private final Path output;

	private final CpuSplit cpus;

	private final Progress progress;

	/**
	 * The database every app connects to, while the run is going; none for remote apps.
	 */
	private final Optional<Database> database;

	/** The service {@code /api/downstream} calls, while a run that needs one is going. */
	private Optional<AppProcess> downstream = Optional.empty();

	/**
	 * How each serving model's app runs with its AOT cache, once
	 * {@link #prepareAotCaches} has made them; empty when the run has none.
	 */
	private final Map<ServingModel, AppLaunch> aotLaunches = new EnumMap<>(ServingModel.class);

	StackStarter(Options options, Path output, CpuSplit cpus, Progress progress, Optional<Database> database) {
		this.options = options;
		this.output = output;
		this.cpus = cpus;
		this.progress = progress;
		this.database = database;
	}

	/**
	 * One downstream service for the whole run, the same for every stack: a reactive app
	 * (it answers its slow page from timers, so it is not what limits the stack under
	 * test), on the load generator's cores so that it takes nothing from the app
	 * measured. Remote apps call whatever downstream they are configured with.
	 */
	void startDownstream() throws IOException {
		if (this.options.isRemote() || this.options.scenarios().stream().noneMatch(Scenario::callsDownstream)) {
			return;
		}
		AppProcess downstream = AppProcess.start(Contender.REACTIVE, this.options.root(),
				this.cpus.loadGeneratorPlacement(), this.options.jvm(), databaseArguments(),
				logs().resolve("downstream.log"), false);
		this.progress.line("downstream service (reactive app) on " + downstream.target().baseUrl()
				+ ", on the load generator's CPUs");
		this.downstream = Optional.of(downstream);
	}

	/**
	 * Makes every serving model's AOT cache before the first fork, when the run asks for
	 * them ({@code -Daot}), each from a training run of its app loaded by {@code load};
	 * or finds it from an earlier run of the same build. Every model gets one or none
	 * does: a cache that one model lacked would be a difference between the contenders
	 * that the comparison did not mean.
	 * @return whether the forks run with them
	 */
	boolean prepareAotCaches(Load load) throws IOException {
		if (!this.options.jvm().aot() || this.options.isRemote()) {
			return false;
		}
		AotCache caches = new AotCache(this.options.root(), this.options.root().resolve("target").resolve("aot"),
				this.options.jvm(), this.cpus.appPlacement(), logs());
		for (Contender stack : this.options.stacks()) {
			ServingModel model = stack.model();
			if (this.aotLaunches.containsKey(model)) {
				continue;
			}
			try {
				AotCache.Made made = caches.launch(stack, (recording) -> train(stack, recording, load));
				this.aotLaunches.put(model, made.launch());
				this.progress.stack(stack, (made.trained() ? "AOT cache trained: " : "AOT cache of this build: ")
						+ made.launch().jvmOptions());
			}
			catch (IOException ex) {
				this.aotLaunches.clear();
				this.progress.line("no AOT cache for any contender: " + ex.getMessage());
				return false;
			}
		}
		return true;
	}

	/** What a training run's app is loaded with, once healthy. */
	@FunctionalInterface
	interface Load {

		void load(Contender stack, Target target) throws IOException;

	}

	/**
	 * A training run: the app started as a fork is (the handicap aside: the cache is its
	 * serving model's), loaded, and stopped gracefully, which writes what it recorded.
	 */
	private void train(Contender stack, AppLaunch recording, Load load) throws IOException {
		this.progress.stack(stack, "training its AOT cache: started with " + recording.jvmOptions());
		List<String> arguments = arguments(List.of());
		try (AppProcess app = AppProcess.start(stack, this.options.root(), this.cpus.appPlacement(), this.options.jvm(),
				recording, arguments, logs().resolve(stack.model().id() + "-aot-training.log"), false)) {
			// On every core, as a fork's warm-up is: its JIT beside the requests.
			app.release(this.cpus.everyCoreList());
			load.load(stack, app.target());
			app.stop(true);
		}
	}

	void stopDownstream() {
		this.downstream.ifPresent(AppProcess::close);
	}

	RunningStack start(Contender stack, int run, boolean tls) throws IOException {
		Optional<Target> remote = Optional.ofNullable(this.options.remote().get(stack));
		if (remote.isPresent() && tls) {
			throw new IllegalArgumentException("the TLS scenarios start the app with TLS themselves; "
					+ "against a remote app, run the plain ones");
		}
		if (remote.isPresent()) {
			AppProcess.awaitHealthy(remote.get(), Duration.ofSeconds(30), null);
			return new RunningStack(remote.get(), List.of(), Optional.empty(), Optional.empty());
		}
		List<String> arguments = arguments(this.options.appArguments(stack));
		AppLaunch launch = launch(stack);
		Optional<String> version = AppProcess.springBootVersion(this.options.root(), stack.app());
		if (!this.options.isBalanced()) {
			AppProcess app = AppProcess.start(stack, this.options.root(), this.cpus.appPlacement(), this.options.jvm(),
					launch, arguments, log(stack, run, tls, ""), tls);
			return new RunningStack(app.target(), List.of(app), Optional.empty(), version);
		}
		return startBehindBalancer(stack, run, launch, arguments, version);
	}

	/**
	 * The stack's bare Spring Boot app, on the app's cores with the same JVM options, for
	 * as long as a scenario sets the two side by side. A reactive stack's event loops are
	 * set to the reactive app's count (one per core it sees, one for {@code single-loop})
	 * with Reactor Netty's own system property, since Boot has none: left to itself,
	 * Reactor Netty makes at least four.
	 */
	RunningStack startBare(Contender stack, int run) throws IOException {
		String app = stack.model().bareApp();
		List<String> options = stack.app().equals(ServingModel.REACTIVE.app())
				? List.of("-Dreactor.netty.ioWorkerCount="
						+ ((stack.model() == ServingModel.SINGLE_LOOP) ? 1 : this.cpus.appCores()))
				: List.of();
		// A second bare app beside the first (the overhead scenario's A/A run) logs to a
		// file of its own.
		Path log = logs().resolve(logName(stack, run, false, "-bare"));
		for (int copy = 2; Files.exists(log); copy++) {
			log = logs().resolve(logName(stack, run, false, "-bare-" + copy));
		}
		AppProcess bare = AppProcess.startBare(stack, this.cpus.appPlacement(), this.options.jvm(),
				new AppLaunch(AppProcess.jar(this.options.root(), app), options), log);
		return new RunningStack(bare.target(), List.of(bare), Optional.empty(),
				AppProcess.springBootVersion(this.options.root(), app));
	}

	/** Its serving model's AOT cache, if the run has them, else its jar alone. */
	private AppLaunch launch(Contender stack) throws IOException {
		AppLaunch withCache = this.aotLaunches.get(stack.model());
		return (withCache != null) ? withCache : AppLaunch.plain(AppProcess.jar(this.options.root(), stack.app()));
	}

	/**
	 * {@code -Dreplicas} copies of the app, each on its share of the app's cores with the
	 * same JVM options, and nginx in front of them on the app's cores.
	 */
	private RunningStack startBehindBalancer(Contender stack, int run, AppLaunch launch, List<String> arguments,
			Optional<String> version) throws IOException {
		List<AppProcess> replicas = new ArrayList<>();
		try {
			List<CpuSplit.Placement> placements = this.cpus.replicaPlacements(this.options.replicas());
			for (int replica = 1; replica <= placements.size(); replica++) {
				this.progress.stack(stack, "starting replica " + replica + " of " + placements.size());
				replicas.add(AppProcess.start(stack, this.options.root(), placements.get(replica - 1),
						this.options.jvm(), launch, arguments, log(stack, run, false, "-replica-" + replica), false));
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

	/**
	 * The log of one start of a stack's app, in the comparison's {@code logs} folder:
	 * {@code replica} is empty for a single app, else {@code -replica-<n>} and what
	 * follows.
	 */
	Path log(Contender stack, int run, boolean tls, String replica) throws IOException {
		return logs().resolve(logName(stack, run, tls, replica));
	}

	private String logName(Contender stack, int run, boolean tls, String replica) {
		return stack.id() + replica + (tls ? "-tls" : "") + ((this.options.repeat() > 1) ? "-run-" + run : "") + ".log";
	}

	/**
	 * What every app started here is given, with {@code own} (a contender's handicap)
	 * after the run's own arguments: the database, {@code -DappArguments} and the
	 * downstream service.
	 */
	private List<String> arguments(List<String> own) {
		List<String> arguments = new ArrayList<>(databaseArguments());
		arguments.addAll(this.options.appArguments());
		arguments.addAll(own);
		this.downstream
			.ifPresent((service) -> arguments.add("--stackbench.downstream.base-url=" + service.target().baseUrl()));
		return arguments;
	}

	private List<String> databaseArguments() {
		return this.database.map(Database::appArguments).orElse(List.of());
	}

	private Path logs() throws IOException {
		return Files.createDirectories(this.output.resolve("logs"));
	}

}
