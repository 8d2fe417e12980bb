package dev.stackbench.comparison.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw -Pcompare -Dname=value} reaches the runner only if the compare profile
 * passes {@code -Dname=${name}} on to its JVM, and declares the property (empty: the
 * default is {@link OptionsCommand}'s), or Maven passes the text {@code ${name}} itself.
 */
class OptionsPomTests {

	/** The comparison module's pom (the tests run in the module's folder). */
	private static final Path POM = Path.of("pom.xml");

	/** What the runner reads besides its options: where it is, and what it reports. */
	private static final Set<String> RUNNER_PROPERTIES = Set.of("stackbench.root", "stackbench.version",
			"gatling.version");

	@Test
	void theCompareProfilePassesEveryOptionOnAndNothingElse() throws Exception {
		Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
		Map<String, String> passed = new LinkedHashMap<>();
		for (String argument : texts(pom, "/project/profiles/profile[id='compare']/build/plugins/plugin"
				+ "[artifactId='exec-maven-plugin']/executions/execution/configuration/arguments/argument")) {
			if (argument.startsWith("-D")) {
				String[] nameValue = argument.substring(2).split("=", 2);
				passed.put(nameValue[0], (nameValue.length == 2) ? nameValue[1] : "");
			}
		}
		Map<String, String> declared = new LinkedHashMap<>();
		NodeList properties = (NodeList) xpath().evaluate("/project/properties/*", pom, XPathConstants.NODESET);
		for (int i = 0; i < properties.getLength(); i++) {
			declared.put(properties.item(i).getNodeName(), properties.item(i).getTextContent().trim());
		}
		List<String> options = OptionsCommand.definition()
			.getCommandSpec()
			.options()
			.stream()
			.map(OptionsCommand::property)
			.toList();
		for (String option : options) {
			assertThat(passed).as("the compare profile's -D" + option + " argument")
				.containsEntry(option, "${" + option + "}");
			assertThat(declared).as("property " + option + ", empty: its default is OptionsCommand's")
				.containsEntry(option, "");
		}
		assertThat(passed.keySet()).as("what the compare profile passes: the options and the runner's own")
			.allMatch((property) -> options.contains(property) || RUNNER_PROPERTIES.contains(property));
	}

	private static List<String> texts(Document pom, String path) throws Exception {
		NodeList nodes = (NodeList) xpath().evaluate(path, pom, XPathConstants.NODESET);
		assertThat(nodes.getLength()).as(path).isPositive();
		return IntStream.range(0, nodes.getLength())
			.mapToObj(nodes::item)
			.map(Node::getTextContent)
			.map(String::trim)
			.toList();
	}

	private static XPath xpath() {
		return XPathFactory.newInstance().newXPath();
	}

}
