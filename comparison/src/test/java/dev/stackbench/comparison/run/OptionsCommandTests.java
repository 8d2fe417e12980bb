package dev.stackbench.comparison.run;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import dev.stackbench.comparison.result.Preset;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.Contender;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class OptionsCommandTests {

	@Test
	void withNothingGivenEveryOptionHasItsDefault() {
		Options options = parse(Map.of());
		assertThat(options.preset()).isEqualTo(Preset.QUICK);
		assertThat(options.stacks()).isEqualTo(Contender.DEFAULT);
		assertThat(options.scenarios()).extracting(Scenario::id)
			.containsExactlyElementsOf(Preset.QUICK.scenarios().stream().map(Scenario::id).toList());
		assertThat(options.repeat()).as("quick's forks").isEqualTo(3);
		assertThat(options.replicas()).isEqualTo(1);
		assertThat(options.remote()).isEmpty();
		assertThat(options.baseline()).isEmpty();
		assertThat(options.failOnRegression()).isEmpty();
		assertThat(options.appArguments()).isEmpty();
		assertThat(options.failOnAssertions()).isFalse();
		assertThat(options.database()).isEmpty();
		assertThat(options.root()).isEqualTo(Path.of(".").toAbsolutePath().normalize());
	}

	@Test
	void theCompareProfilesEmptyPropertiesAreOptionsNotGiven() {
		Map<String, String> empty = new HashMap<>();
		OptionsCommand.definition()
			.getCommandSpec()
			.options()
			.forEach((option) -> empty.put(OptionsCommand.property(option), " "));
		assertThat(parse(empty)).isEqualTo(parse(Map.of()));
	}

	@Test
	void systemPropertiesGiveOptionsAsMavenPassesThem() {
		Options options = parse(
				Map.ofEntries(Map.entry("preset", "standard"), Map.entry("models", "platform, reactive"),
						Map.entry("scenarios", "throughput,capacity"), Map.entry("set", "capacity.growth=2"),
						Map.entry("repeat", "3"), Map.entry("baseline", "comparisons/20261202-010000"),
						Map.entry("failOnRegression", "20"), Map.entry("appArguments", " --a=1  --b=2 "),
						Map.entry("failOnAssertions", "true"), Map.entry("stackbench.root", "/tmp/stackbench")));
		assertThat(options.preset()).isEqualTo(Preset.STANDARD);
		assertThat(options.stacks()).containsExactly(Contender.PLATFORM, Contender.REACTIVE);
		assertThat(options.scenarios()).extracting(Scenario::id).containsExactly("throughput", "capacity");
		assertThat(options.scenarios().get(1).parameters()).containsEntry("growth", "2");
		assertThat(options.repeat()).isEqualTo(3);
		assertThat(options.baseline()).contains(Path.of("/tmp/stackbench/comparisons/20261202-010000"));
		assertThat(options.failOnRegression()).hasValue(20);
		assertThat(options.appArguments()).containsExactly("--a=1", "--b=2");
		assertThat(options.failOnAssertions()).isTrue();
		assertThat(options.root()).isEqualTo(Path.of("/tmp/stackbench"));
	}

	@Test
	void theCommandLineGivesTheSameOptionsAndWinsOverAProperty() {
		Options options = parse(Map.of("preset", "ci", "repeat", "5"), "--preset=standard", "--models",
				"virtual,single-loop", "--failOnAssertions=false", "--replicas=2", "--scenarios=failover");
		assertThat(options.preset()).isEqualTo(Preset.STANDARD);
		assertThat(options.stacks()).containsExactly(Contender.VIRTUAL, Contender.SINGLE_LOOP);
		assertThat(options.repeat()).isEqualTo(5);
		assertThat(options.replicas()).isEqualTo(2);
		assertThat(options.failOnAssertions()).isFalse();
		assertThat(parse(Map.of(), "--failOnAssertions").failOnAssertions()).isTrue();
	}

	@Test
	void theCiPresetFailsOnAssertionsUnlessToldNotTo() {
		assertThat(parse(Map.of("preset", "ci")).failOnAssertions()).isTrue();
		assertThat(parse(Map.of("preset", "ci", "failOnAssertions", "false")).failOnAssertions()).isFalse();
	}

	@Test
	void stacksIsStillReadAndModelsWins() {
		assertThat(parse(Map.of("stacks", "reactive")).stacks()).containsExactly(Contender.REACTIVE);
		assertThat(parse(Map.of("models", "platform,reactive,platform")).stacks())
			.as("a model entered twice: an A/A run, its second entry told apart")
			.extracting(Contender::id)
			.containsExactly("platform", "reactive", "platform-2");
		assertThat(parse(Map.of("stacks", "reactive", "models", "virtual")).stacks())
			.containsExactly(Contender.VIRTUAL);
	}

	@Test
	void anExistingDatabaseIsNamedByItsUrlUserAndPassword() {
		assertThat(
				parse(Map.of("db.url", "jdbc:postgresql://db.example:5433/bench", "db.password", "secret")).database())
			.contains(new Database("db.example", 5433, "bench", "stackbench", "secret"));
		assertThat(parse(Map.of("db.url", "jdbc:postgresql://db.example/bench"), "--db.user=bench").database())
			.contains(new Database("db.example", 5432, "bench", "bench", ""));
	}

	@Test
	void remoteAppsAreLoadedWhereTheyRun() {
		Options options = parse(
				Map.of("remote", "platform=http://a:8080|http://a:9080,reactive=http://b:80|http://b:9081"));
		assertThat(options.isRemote()).isTrue();
		assertThat(options.stacks()).containsExactly(Contender.PLATFORM, Contender.REACTIVE);
	}

	@Test
	void aValueOfTheWrongTypeNamesItsOptionAndType() {
		assertThat(refusal(Map.of(), "--repeat=x")).isEqualTo("Invalid value for option '--repeat': 'x' is not an int");
		assertThat(refusal(Map.of(), "--replicas=two"))
			.isEqualTo("Invalid value for option '--replicas': 'two' is not an int");
		assertThat(refusal(Map.of(), "--failOnRegression=lots"))
			.isEqualTo("Invalid value for option '--failOnRegression': 'lots' is not a double");
		assertThat(refusal(Map.of(), "--failOnAssertions=maybe"))
			.isEqualTo("Invalid value for option '--failOnAssertions': 'maybe' is not a boolean");
		assertThat(refusal(Map.of("repeat", "x"))).isEqualTo("Invalid value for option '--repeat': 'x' is not an int");
	}

	@Test
	void anUnknownIdIsRefusedWithTheIdsThereAre() {
		assertThat(refusal(Map.of("preset", "fast"))).isEqualTo(
				"Invalid value for option '--preset': unknown preset 'fast'; choose from [quick, standard, ci, soak] or give a preset file's path");
		assertThat(refusal(Map.of(), "--models=platform,tomcat")).startsWith("Invalid value for option '--models'")
			.endsWith(": unknown serving model 'tomcat'; choose from [platform, virtual, reactive, single-thread, "
					+ "single-loop]");
		assertThat(refusal(Map.of("stacks", "tomcat"))).contains("unknown serving model 'tomcat'");
		assertThat(refusal(Map.of("scenarios", "throughput,nope")))
			.startsWith("Invalid value for option '--scenarios': unknown scenario 'nope'; choose from [");
		assertThat(refusal(Map.of("remote", "tomcat=http://a|http://b")))
			.startsWith("Invalid value for option '--remote': unknown serving model 'tomcat'");
		assertThat(refusal(Map.of(), "--prest=quick")).isEqualTo("Unknown option: '--prest=quick'");
	}

	@Test
	void aMalformedValueIsRefusedWithTheFormItShouldHave() {
		assertThat(refusal(Map.of("set", "users=8")))
			.isEqualTo("Invalid value for option '--set': set 'users=8' is not scenario.parameter=value");
		assertThat(refusal(Map.of("set", "concurrent-slow.nope=8"))).startsWith("Invalid value for option '--set': ")
			.contains("nope");
		assertThat(refusal(Map.of("set", "h2.users=8")))
			.isEqualTo("Invalid value for option '--set': set names scenario 'h2', which this run does not have");
		assertThat(refusal(Map.of("remote", "platform=http://x:8080"))).isEqualTo(
				"Invalid value for option '--remote': remote 'platform=http://x:8080' is not model=baseUrl|managementUrl");
		assertThat(refusal(Map.of("db.url", "mysql://db/bench"))).isEqualTo(
				"Invalid value for option '--db.url': db.url 'mysql://db/bench' is not jdbc:postgresql://host:port/name");
	}

	@Test
	void optionsThatContradictEachOtherAreRefused() {
		assertThat(refusal(Map.of("repeat", "0"))).isEqualTo("repeat must be at least 1, not 0");
		assertThat(refusal(Map.of("replicas", "0"))).isEqualTo("replicas must be at least 1, not 0");
		assertThat(refusal(Map.of("failOnRegression", "20"))).contains("failOnRegression needs a baseline");
		assertThat(refusal(Map.of("scenarios", "failover"))).contains("-Dreplicas=2");
		assertThat(refusal(Map.of("scenarios", "h2", "replicas", "2"))).contains("TLS");
		assertThat(refusal(Map.of("replicas", "2", "remote", "platform=http://x:8080|http://x:9080")))
			.contains("remote");
		assertThat(refusal(Map.of("models", "virtual", "remote", "platform=http://x:8080|http://x:9080")))
			.contains("virtual has no remote target");
	}

	@Test
	void aRefusalIsPrintedWithWhereItCameFromAndRunsNothing() throws Exception {
		List<Options> ran = new ArrayList<>();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int status = OptionsCommand.execute(new String[0], properties(Map.of("repeat", "x")), new PrintWriter(out),
				new PrintWriter(err), (options) -> {
					ran.add(options);
					return 0;
				});
		assertThat(status).isEqualTo(2);
		assertThat(ran).isEmpty();
		assertThat(err.toString())
			.startsWith("stackbench: Invalid value for option '--repeat': 'x' is not an int (-Drepeat=x)\n")
			.contains("-Dhelp");
		err.getBuffer().setLength(0);
		OptionsCommand.execute(new String[] { "--repeat=y" }, properties(Map.of("repeat", "x")), new PrintWriter(out),
				new PrintWriter(err), (options) -> 0);
		assertThat(err.toString()).startsWith("stackbench: Invalid value for option '--repeat': 'y' is not an int\n");
		err.getBuffer().setLength(0);
		OptionsCommand.execute(new String[] { "--prest=quick" }, properties(Map.of()), new PrintWriter(out),
				new PrintWriter(err), (options) -> 0);
		assertThat(err.toString()).contains("Possible solutions: --preset");
	}

	@Test
	void helpListsEveryOptionWithItsDefaultAndRunsNothing() throws Exception {
		for (Map<String, String> asked : List.of(Map.of("help", "true", "preset", "standard"),
				Map.<String, String>of())) {
			List<Options> ran = new ArrayList<>();
			StringWriter out = new StringWriter();
			String[] args = asked.isEmpty() ? new String[] { "--help" } : new String[0];
			int status = OptionsCommand.execute(args, properties(asked), new PrintWriter(out),
					new PrintWriter(new StringWriter()), (options) -> {
						ran.add(options);
						return 0;
					});
			assertThat(status).isZero();
			assertThat(ran).isEmpty();
			String help = out.toString();
			OptionsCommand.definition()
				.getCommandSpec()
				.options()
				.forEach((option) -> assertThat(help).contains(option.longestName()));
			// The definition's defaults, not what this run's properties would give.
			assertThat(help).contains("Default: quick", "Default: 1", "Default: stackbench", "Default: the preset's",
					"Default: platform,virtual,reactive", "--add-opens=java.base/java.lang=ALL-UNNAMED");
		}
	}

	private static Options parse(Map<String, String> properties, String... args) {
		return OptionsCommand.parse(args, properties(properties)).orElseThrow();
	}

	private static String refusal(Map<String, String> properties, String... args) {
		ParameterException refusal = catchThrowableOfType(ParameterException.class,
				() -> OptionsCommand.parse(args, properties(properties)));
		assertThat(refusal).as("refused").isNotNull();
		return refusal.getMessage();
	}

	private static Properties properties(Map<String, String> values) {
		Properties properties = new Properties();
		properties.putAll(values);
		return properties;
	}

}
