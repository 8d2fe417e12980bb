package dev.stackbench.comparison.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.report.Reports;
import dev.stackbench.comparison.theory.Analysis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI pipelines users copy say what the README says and use what the comparison
 * writes: every Maven command of the GitHub workflow and of {@code .ci/run} is one the
 * README gives (Maven's batch flags aside), the files the workflow publishes are files a
 * comparison writes, and the GitLab job keeps junit.xml as its test report. Their schema
 * and expressions are checked by {@code .ci/check-workflows}.
 */
class CiPipelinesTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final Path WORKFLOW = PROJECT.resolve(".github/workflows/stackbench.yml");

	@Test
	void everyMavenCommandOfThePipelinesIsOneTheReadmeGives() throws IOException {
		String readme = Files.readString(PROJECT.resolve("README.md"));
		List<String> commands = new ArrayList<>(mavenCommands(String.join("\n", runScripts())));
		commands.addAll(mavenCommands(Files.readString(PROJECT.resolve(".ci/run"))));
		assertThat(commands).as("the workflow's and .ci/run's Maven commands")
			.contains("./mvnw verify", "./mvnw -Pcompare -Dpreset=ci");
		for (String command : commands) {
			assertThat(readme).as("the README gives " + command).contains(command);
		}
	}

	@Test
	void theWorkflowPublishesFilesAComparisonWrites(@TempDir Path folder) throws IOException {
		Reports.write(Analysis.of(Fixtures.comparison()), OptionalDouble.of(20), folder);
		String workflow = Files.readString(WORKFLOW);
		Matcher named = Pattern.compile("\\b(\\w+\\.(?:json|md|xml|html))\\b").matcher(workflow);
		List<String> files = new ArrayList<>();
		while (named.find()) {
			files.add(named.group(1));
		}
		assertThat(files).contains("summary.md", "results.json", "junit.xml");
		files.forEach((file) -> assertThat(folder.resolve(file)).as("a comparison writes " + file).isRegularFile());
	}

	@Test
	void theGitlabJobRunsCiAndKeepsJunitXmlAsItsTestReport() throws IOException {
		Map<String, Object> job = map(
				new Yaml().<Map<String, Object>>load(Files.readString(PROJECT.resolve(".gitlab-ci.yml")))
					.get("stackbench"));
		assertThat(job.get("script")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
			.contains("bash .ci/run");
		Map<String, Object> reports = map(map(job.get("artifacts")).get("reports"));
		assertThat(reports.get("junit")).asString().contains("comparisons/*/junit.xml");
	}

	/** The workflow's steps' {@code run} scripts, in order. */
	private static List<String> runScripts() throws IOException {
		Map<String, Object> workflow = new Yaml().load(Files.readString(WORKFLOW));
		List<String> scripts = new ArrayList<>();
		for (Object job : map(workflow.get("jobs")).values()) {
			for (Object step : (List<?>) map(job).get("steps")) {
				Optional.ofNullable(map(step).get("run")).map(Object::toString).ifPresent(scripts::add);
			}
		}
		return scripts;
	}

	/**
	 * Each {@code ./mvnw} command as a user types it: Maven's batch flags (-B -ntp) and
	 * what a script adds from its variables dropped, continuation lines joined.
	 */
	private static List<String> mavenCommands(String script) {
		List<String> commands = new ArrayList<>();
		Matcher matcher = Pattern.compile("\\./mvnw((?:\\\\\\n|[^\\n])*)").matcher(script);
		while (matcher.find()) {
			String command = ("./mvnw" + matcher.group(1)).replaceAll("\\\\\\n\\s*", "")
				.replaceAll("\\s+-B\\b|\\s+-ntp\\b", "")
				.replaceAll("\\s+\"\\$\\{\\w+\\[@]}\"", "")
				.replaceAll("\\s+-Dset=.*", "")
				.strip();
			commands.add(command);
		}
		return commands;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object yaml) {
		return (Map<String, Object>) yaml;
	}

}
