package dev.stackbench.comparison.run;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.function.Supplier;

import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ProfileEvent;
import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ServingModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The comparison's options, defined once: each one's name, type, default and description.
 * From this definition come the command line
 * ({@code java -jar comparison.jar --preset=standard}), the system properties that
 * {@code ./mvnw -Pcompare -Dpreset=standard} passes (an option's property is its name
 * without the dashes; an empty one is an option not given; the command line wins),
 * {@code --help}, and the checks that the compare profile passes every option on
 * ({@code OptionsPomTests}) and that the README's option table lists them all
 * ({@code OptionsReadmeTests}). Resolving them into {@link Options} applies the rules
 * that hold between options.
 */
@Command(name = "comparison", sortOptions = false, showDefaultValues = true, usageHelpWidth = 120,
		customSynopsis = { "./mvnw -Pcompare [-Dname=value]...",
				"       java -jar comparison/target/comparison-<version>.jar [--name=value]..." },
		descriptionHeading = "%n",
		description = {
				"Runs every serving model in turn under Gatling's load, checks the results against theory, and writes "
						+ "results.json, report.md, report.html, summary.md and junit.xml into comparisons/<timestamp>/ at "
						+ "the project's root.",
				"",
				"Every option is a system property of the same name too: under Maven -Dname=value (an empty value is "
						+ "not given), on the command line --name=value, which wins. Lists of ids are separated by "
						+ "commas; -Dset assignments by semicolons (a value such as users=1,8,64 holds commas).",
				"" },
		optionListHeading = "Options:%n",
		footer = { "", "java -jar works in the project's root: it finds the apps' jars and writes comparisons/ there",
				"(-Dstackbench.root=<folder> names another). A comparison run that way needs the JVM option that Gatling's",
				"log writer needs, which the compare profile passes (--help does not need it):",
				"  java --add-opens=java.base/java.lang=ALL-UNNAMED -jar comparison/target/comparison-<version>.jar "
						+ "--preset=standard" })
final class OptionsCommand {

	/**
	 * How a default that depends on other options reads in the help, as picocli writes a
	 * fixed one.
	 */
	static final String DEFAULT = "  Default: ";

	@Option(names = "--preset", paramLabel = "<preset>", defaultValue = "quick", converter = PresetConverter.class,
			description = "quick (the default, about 11 minutes here, build included: 3 forks of every contender, "
					+ "interleaved; what each request costs the app at 3,000 req/s on /api/hello and /api/json (CPU, heap "
					+ "allocated, GC time, p50 / p99 / p99.9) after a warm-up of up to 75 s, and 1,000 concurrent slow "
					+ "requests), standard (about 45 minutes, one fork: the cost per request, stackbench's own cost "
					+ "against bare Spring Boot apps, throughput against "
					+ "concurrency, keep-alive against a new connection per request, the capacity of /api/hello at a p99 "
					+ "of 25 ms, the capacity of /api/slow?delay=100 at a p99 of 150 ms, CPU-bound work, 200 concurrent CGI programs of 1 s, "
					+ "500 users each making 10 parallel downstream calls (the comparison starts the downstream service, "
					+ "a reactive app on the load generator's cores), an open-model arrival rate, the database pool as "
					+ "the bottleneck (db: 1,000 users on a 10 ms query over 10 pooled connections, then 1,200 arrivals "
					+ "a second past that bound) and TechEmpower's fortunes at 256 users (db-fortunes), keep-alive "
					+ "against a new connection per request over TLS 1.3 (tls-keep-alive) and 200 users over HTTP/1.1 "
					+ "against HTTP/2 on the plain and the slow page (h2), both on the app started again with its h2 "
					+ "profile and warmed up over TLS, an overload, 10,000 idle keep-alive connections with a probe on "
					+ "new ones, 400 server-sent-event streams of 50 events 200 ms apart (stream), and a "
					+ "4,000-connection flood), ci (2 forks of every contender: smoke, "
					+ "200 arrivals a second on a 200 ms page and keep-alive runs with assertions, and keep-alive again "
					+ "over TLS on the apps started with h2, about 7 minutes; the regression gate watches the slow "
					+ "page's p99, which a cut request pool moves), soak (not "
					+ "for CI: ten minutes per stack of mixed load at 200 req/s, bad requests included; reports errors, "
					+ "latency drift and heap after GC at the start and the end); or the path of a preset file of your own, "
					+ "JSON as the built-in ones in comparison/src/main/resources/presets/")
	Preset preset;

	@Option(names = "--models", paramLabel = "<model>", split = "\\s*,\\s*", splitSynopsisLabel = ",",
			converter = ServingModelConverter.class, completionCandidates = ServingModelIds.class,
			description = {
					"serving models, any of ${COMPLETION-CANDIDATES}, in that order of running; a model named twice "
							+ "runs as two contenders, the second named <model>-2 (an A/A run, whose figures should "
							+ "agree within noise); with -Dremote, a subset of the remote ones",
					DEFAULT + "platform,virtual,reactive; with -Dremote, all of the remote ones" })
	List<ServingModel> models;

	// The option's name before "stack" came to mean servlet or reactive only.
	@Option(names = "--stacks", paramLabel = "<model>", split = "\\s*,\\s*", splitSynopsisLabel = ",",
			converter = ServingModelConverter.class,
			description = "the old name of -Dmodels, still read; -Dmodels wins when both are given")
	List<ServingModel> stacks;

	@Option(names = "--scenarios", paramLabel = "<scenario>", split = "\\s*,\\s*", splitSynopsisLabel = ",",
			completionCandidates = ScenarioIds.class,
			description = { "any of ${COMPLETION-CANDIDATES} (a scenario id is looked up in the preset first, then in "
					+ "the others; failover needs -Dreplicas=2 or more)", DEFAULT + "the preset's" })
	List<String> scenarios;

	@Option(names = "--set", paramLabel = "<scenario.parameter=value;...>",
			description = "parameter overrides, scenario.parameter=value separated by ;, e.g. "
					+ "-Dset=\"concurrent-slow.users=2000;capacity.growth=2\"; a parameter the scenario does not have, "
					+ "or a value of the wrong type, is refused with the names it has (the Scenarios table of a report "
					+ "lists every parameter)")
	String set;

	@Option(names = "--repeat", paramLabel = "<n>",
			description = { "forks: runs every contender N times, each a freshly started and warmed-up JVM, "
					+ "interleaved across contenders; every figure becomes the median with its lowest and highest "
					+ "fork, and a difference is called only when every fork of the best beats every fork of the others "
					+ "by a margin that keeps the verdict table's false-call rate at 5%% (the report states it)",
					DEFAULT + "the preset's forks: 3 for quick, 1 for the others" })
	Integer repeat;

	@Option(names = "--appCores", paramLabel = "<n>",
			description = {
					"the cores each app runs on (taskset; the load generator gets the rest); as many as the "
							+ "machine has puts app and load generator on the same cores, marked so in the report",
					DEFAULT + "half of the machine's cores" })
	Integer appCores;

	@Option(names = "--gc", paramLabel = "<G1|Parallel|Serial|Z>", defaultValue = "G1",
			description = "the garbage collector every app is started with, the same for every contender: chosen "
					+ "explicitly, since on one core the JVM would pick Serial by itself while a two-CPU container "
					+ "gets G1")
	String gc;

	@Option(names = "--aot", paramLabel = "<true|false>", arity = "0..1",
			description = { "runs every app with its serving model's AOT cache (JDK " + AotCache.LEAST_JDK
					+ " and later; JEP 483, 514, 515: classes loaded and linked, and method profiles, from a training run "
					+ "of about 20 s on the scenarios' pages, kept in target/aot for the next run of the same "
					+ "build), the same for every contender: the apps start in half the time, but measured here the JIT "
					+ "compiled ten times as much in the cost windows and the forks spread no less",
					DEFAULT + "false" })
	Boolean aot;

	@Option(names = "--handicap", paramLabel = "<contender:micros>",
			description = "plants a known difference, to check that the comparison finds it: the contender (e.g. "
					+ "platform-2 of -Dmodels=platform,platform) spends this many microseconds of extra CPU on every "
					+ "request")
	String handicap;

	@Option(names = "--profile", paramLabel = "<cpu,alloc,wall,lock>", description = {
			"profiles every app with async-profiler (from Maven Central) in extra windows after its last "
					+ "fork's measured ones, each scenario run once more per event, so that no other figure is taken "
					+ "with the profiler attached: flame graphs and collapsed stacks in profiles/, the report's Where a "
					+ "request's CPU goes (µs per request by part: kernel, server, hand-off, framework, workload, metrics, "
					+ "GC and JIT) and a side-by-side view of every model against the first",
			DEFAULT + "none" })
	String profile;

	@Option(names = "--baseline", paramLabel = "<folder>",
			description = "an earlier comparison's folder (or its results.json), from the project's root: the report "
					+ "adds Since the baseline, every headline figure then and now with its change and whether it is "
					+ "beyond noise")
	Path baseline;

	@Option(names = "--failOnRegression", paramLabel = "<percent>",
			description = "with -Dbaseline: exit non-zero when a capacity falls, or an open-model p99 rises, by more "
					+ "than this many percent beyond noise (a p99 must also move by at least 5 ms); the console names "
					+ "each regressed figure")
	Double failOnRegression;

	@Option(names = "--appArguments", paramLabel = "<arguments>",
			description = "more arguments, separated by spaces, for every app the comparison starts, e.g. "
					+ "-DappArguments=--server.tomcat.threads.max=20")
	String appArguments;

	@Option(names = "--remote", paramLabel = "<model=baseUrl|managementUrl,...>",
			description = "apps already running elsewhere: model=baseUrl|managementUrl,...; nothing is started, the "
					+ "same scenarios and report run against them")
	String remote;

	@Option(names = "--replicas", paramLabel = "<n>", defaultValue = "1",
			description = "runs N replicas of each app behind a real nginx that the comparison configures, starts and "
					+ "stops (Debian's nginx-light); the scenarios load nginx. With more than one, a preset's TLS "
					+ "scenarios are left out (nginx does not terminate TLS here) and failover is in standard; naming a "
					+ "TLS scenario is an error")
	int replicas;

	@Option(names = "--failOnAssertions", paramLabel = "<true|false>", arity = "0..1",
			description = { "exit non-zero when a Gatling assertion fails; in a comparison a failed assertion is a "
					+ "finding, shown in the report", DEFAULT + "the preset's: true for ci, else false" })
	Boolean failOnAssertions;

	@Option(names = "--db.url", paramLabel = "<jdbc:postgresql://host:port/name>",
			description = "an existing PostgreSQL for the apps; without it the comparison starts its own "
					+ "(PostgreSQL 18 from Maven Central's binaries) and stops it at the end")
	String databaseUrl;

	@Option(names = "--db.user", paramLabel = "<user>", defaultValue = "stackbench",
			description = "who connects to -Ddb.url")
	String databaseUser;

	@Option(names = "--db.password", paramLabel = "<password>", description = "their password at -Ddb.url")
	String databasePassword;

	@Option(names = { "-h", "--help" }, usageHelp = true,
			description = "prints these options with their defaults and exits, running nothing")
	boolean help;

	@Spec
	CommandSpec spec;

	/** The project's root ({@code -Dstackbench.root}, by default the current folder). */
	private Path root = Path.of(".").toAbsolutePath().normalize();

	/** The comparison itself, given its options; returns the exit status. */
	@FunctionalInterface
	interface Run {

		int run(Options options) throws Exception;

	}

	/**
	 * The definition alone, with no system properties behind it: what the help shows and
	 * the tests read.
	 */
	static CommandLine definition() {
		return new CommandLine(new OptionsCommand());
	}

	/**
	 * The command line with {@code properties} (the system properties, in a run) behind
	 * every option that is not given on it.
	 */
	private static CommandLine commandLine(Properties properties) {
		OptionsCommand command = new OptionsCommand();
		command.root = Path.of(properties.getProperty("stackbench.root", ".")).toAbsolutePath().normalize();
		return new CommandLine(command).setDefaultValueProvider(
				(arg) -> arg.isOption() ? text(properties, property((OptionSpec) arg)).orElse(null) : null);
	}

	/**
	 * Parses {@code args} over {@code properties}: the options a run asks for, or empty
	 * when it asks for help.
	 * @throws ParameterException when an option is malformed or options contradict each
	 * other
	 */
	static Optional<Options> parse(String[] args, Properties properties) {
		CommandLine commandLine = commandLine(properties);
		OptionsCommand command = commandLine.getCommand();
		commandLine.parseArgs(args);
		return (commandLine.isUsageHelpRequested() || command.help) ? Optional.empty() : Optional.of(command.options());
	}

	/**
	 * Runs the comparison with the options {@code args} and {@code properties} give and
	 * returns its exit status, or prints the help and returns 0; prints what is wrong and
	 * returns 2 when an option is.
	 */
	static int execute(String[] args, Properties properties, PrintWriter out, PrintWriter err, Run run)
			throws Exception {
		Optional<Options> options;
		try {
			options = parse(args, properties);
		}
		catch (ParameterException ex) {
			err.println("stackbench: " + ex.getMessage() + fromProperty(ex, args, properties));
			UnmatchedArgumentException.printSuggestions(ex, err);
			err.println("stackbench: the options and their defaults: ./mvnw -Pcompare -Dhelp, or --help");
			err.flush();
			return ex.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
		}
		if (options.isEmpty()) {
			definition().usage(out);
			out.flush();
			return 0;
		}
		return run.run(options.get());
	}

	/** The system property an option is read from: its name without dashes. */
	static String property(OptionSpec option) {
		return option.longestName().replaceFirst("^-+", "");
	}

	/** What these options ask for, checked against each other. */
	Options options() {
		Map<Contender, Target> remote = valueOf("--remote",
				() -> Options.remoteTargets((this.remote != null) ? this.remote : ""));
		// A model named twice is two contenders, its second entry told apart as
		// <model>-2: an A/A run.
		List<Contender> stacks = refused(() -> Options.stacks(
				Optional.ofNullable(this.models).or(() -> Optional.ofNullable(this.stacks)).map(Contender::entered),
				remote));
		Map<String, Map<String, String>> overrides = valueOf("--set",
				() -> Options.overrides((this.set != null) ? this.set : ""));
		List<Scenario> chosen = (this.scenarios != null)
				? valueOf("--scenarios", () -> this.scenarios.stream().map(this.preset::scenario).toList())
				: Options.runnable(this.preset.scenarios(), this.replicas);
		List<Scenario> scenarios = valueOf("--set",
				() -> chosen.stream()
					.map((scenario) -> scenario.with(overrides.getOrDefault(scenario.id(), Map.of())))
					.toList());
		overrides.keySet()
			.stream()
			.filter((id) -> scenarios.stream().noneMatch((scenario) -> scenario.id().equals(id)))
			.findFirst()
			.ifPresent((id) -> {
				throw invalid("--set", "set names scenario '" + id + "', which this run does not have");
			});
		Optional<Database> database = Optional.ofNullable(this.databaseUrl)
			.map((url) -> valueOf("--db.url", () -> Database.fromJdbcUrl(url, this.databaseUser,
					(this.databasePassword != null) ? this.databasePassword : "")));
		if (Boolean.TRUE.equals(this.aot) && !AotCache.supported()) {
			throw invalid("--aot", "JDK " + Runtime.version().feature() + "'s AOT cache holds no method profiles; run "
					+ "the comparison on JDK " + AotCache.LEAST_JDK + " or later");
		}
		AppJvm jvm = valueOf("--gc", () -> AppJvm.of(this.gc)).withAot(Boolean.TRUE.equals(this.aot));
		Optional<Handicap> handicap = Optional.ofNullable(this.handicap)
			.map((spec) -> valueOf("--handicap", () -> Handicap.of(spec)));
		int repeat = (this.repeat != null) ? this.repeat : this.preset.forks();
		return refused(() -> new Options(this.root, this.preset, stacks, scenarios, remote, repeat,
				Optional.ofNullable(this.baseline).map(this.root::resolve),
				(this.failOnRegression != null) ? OptionalDouble.of(this.failOnRegression) : OptionalDouble.empty(),
				(this.appArguments != null) ? List.of(this.appArguments.trim().split("\\s+")) : List.of(),
				(this.failOnAssertions != null) ? this.failOnAssertions : this.preset.failOnAssertions(), database,
				this.replicas, jvm, Optional.ofNullable(this.appCores), handicap,
				valueOf("--profile", () -> ProfileEvent.list((this.profile != null) ? this.profile : ""))));
	}

	/** A value that one option alone makes invalid. */
	private <T> T valueOf(String name, Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			throw invalid(name, ex.getMessage());
		}
	}

	private ParameterException invalid(String name, String message) {
		OptionSpec option = this.spec.findOption(name);
		return new ParameterException(this.spec.commandLine(),
				"Invalid value for option '" + option.longestName() + "': " + message, option, null);
	}

	/** Options that contradict each other. */
	private <T> T refused(Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage());
		}
	}

	/**
	 * Where a malformed value came from when it was not typed on the command line: its
	 * system property, the way Maven users give it.
	 */
	private static String fromProperty(ParameterException ex, String[] arguments, Properties properties) {
		if (!(ex.getArgSpec() instanceof OptionSpec option)) {
			return "";
		}
		boolean typed = Arrays.stream(arguments)
			.anyMatch((argument) -> Arrays.stream(option.names())
				.anyMatch((name) -> argument.equals(name) || argument.startsWith(name + "=")));
		Optional<String> value = text(properties, property(option));
		return (typed || value.isEmpty()) ? "" : " (-D" + property(option) + "=" + value.get() + ")";
	}

	private static Optional<String> text(Properties properties, String property) {
		String value = properties.getProperty(property, "").trim();
		return value.isEmpty() ? Optional.empty() : Optional.of(value);
	}

	private static <T> T converted(Supplier<T> value) {
		try {
			return value.get();
		}
		catch (IllegalArgumentException ex) {
			throw new TypeConversionException(ex.getMessage());
		}
	}

	static final class PresetConverter implements ITypeConverter<Preset> {

		@Override
		public Preset convert(String id) {
			// A preset file is named from the project's root, as -Dbaseline is: under
			// ./mvnw -Pcompare the runner's working folder is comparison/.
			return converted(() -> Preset.of(id, Path.of(System.getProperty("stackbench.root", "."))));
		}

	}

	static final class ServingModelConverter implements ITypeConverter<ServingModel> {

		@Override
		public ServingModel convert(String id) {
			return converted(() -> ServingModel.of(id));
		}

	}

	/** Every serving model's id, as the help lists them. */
	static final class ServingModelIds implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return Arrays.stream(ServingModel.values()).map(ServingModel::id).iterator();
		}

	}

	/** Every preset's scenarios' ids, once each, as the help lists them. */
	static final class ScenarioIds implements Iterable<String> {

		@Override
		public Iterator<String> iterator() {
			return Preset.BUILT_IN.stream()
				.map(Preset::of)
				.flatMap((preset) -> preset.scenarios().stream())
				.map(Scenario::id)
				.distinct()
				.iterator();
		}

	}

}
