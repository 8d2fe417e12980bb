package dev.stackbench.comparison.report;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.AppDeath;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Analysis;
import dev.stackbench.comparison.theory.Theory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * {@code junit.xml} on recorded comparisons: valid against a JUnit XML schema (committed
 * beside this test, since none can be downloaded here), a claim not held a failure with
 * its numbers, a failed assertion a failure with its value, a dead app an error, and the
 * regression gate's figures a suite of their own. The gate on real runs of the {@code ci}
 * preset on this machine: a second run of the same build (A/A) never fails it; a run with
 * {@code server.tomcat.threads.max=20} does, on the figure the pool moves.
 */
class JunitReportTests {

	private static final Path RECORDED = Path.of("src/test/resources/recorded");

	@Test
	void claimsAreTestsAndOneNotHeldIsAFailureWithItsNumbers() throws Exception {
		Document junit = valid(JunitReport.render(Analysis.of(Fixtures.comparison()), OptionalDouble.empty()));
		Element claim = testcase(junit, "reactive · concurrent-slow · claims", "reactive: at 1000 concurrent slow");
		assertThat(claim.getElementsByTagName("failure").getLength()).isOne();
		assertThat(claim.getTextContent()).contains("1500 req/s = 75% of the bound");
		Element held = testcase(junit, "virtual · concurrent-slow · claims", "virtual: at 1000 concurrent slow");
		assertThat(held.getChildNodes().getLength()).as("a claim held is a test passed").isZero();
	}

	@Test
	void aFailedAssertionIsAFailureWithItsValueAndADeadAppAnError() throws Exception {
		ComparisonResults fixture = Fixtures.comparison();
		List<ScenarioResult> results = new ArrayList<>();
		for (ScenarioResult result : fixture.results()) {
			boolean platformSlow = result.stack() == Contender.PLATFORM
					&& result.scenario().id().equals("concurrent-slow");
			results.add(platformSlow
					? result.withAssertions(List.of(
							new GatlingAssertion("Global: percentage of failed events is less than or equal to 1.0",
									false, "3.2"),
							new GatlingAssertion("Global: max of response time is less than 5000.0", true, "612")))
					: result);
		}
		ComparisonResults withDeath = new ComparisonResults(
				fixture.schemaVersion(), fixture.preset(), fixture.repeat(), fixture.started(), fixture.finished(),
				fixture.environment(), fixture.stacks(), fixture.scenarios(), fixture.tuning(), results,
				fixture.warmUps(), fixture.idleFootprints(), List.of(new AppDeath(Contender.VIRTUAL, 1, "keep-alive",
						Instant.parse("2026-11-22T10:02:11Z"), "OutOfMemoryError: Java heap space", 1234)),
				fixture.profiles());
		Document junit = valid(JunitReport.render(Analysis.of(withDeath), OptionalDouble.empty()));
		Element failed = testcase(junit, "platform · concurrent-slow · Gatling assertions",
				"Global: percentage of failed events");
		assertThat(((Element) failed.getElementsByTagName("failure").item(0)).getAttribute("message"))
			.isEqualTo("actual: 3.2");
		assertThat(testcase(junit, "platform · concurrent-slow · Gatling assertions", "Global: max of response time")
			.getChildNodes()
			.getLength()).isZero();
		Element died = testcase(junit, "virtual · the app", "the app stayed up");
		assertThat(((Element) died.getElementsByTagName("error").item(0)).getAttribute("message"))
			.startsWith("died: OutOfMemoryError: Java heap space at ")
			.endsWith("after 1,234 requests during keep-alive");
		Element root = junit.getDocumentElement();
		assertThat(root.getAttribute("errors")).isEqualTo("1");
		assertThat(Integer.parseInt(root.getAttribute("tests")))
			.isEqualTo(junit.getElementsByTagName("testcase").getLength());
	}

	@Test
	void aClaimNotCheckedIsSkippedWithWhatWasMissing() throws Exception {
		Analysis analysis = Analysis.of(Fixtures.comparison());
		ScenarioResult run = analysis.results().results().getFirst();
		Analysis notChecked = new Analysis(analysis.results(), analysis.baseline(), analysis.verdicts(),
				List.of(new Theory.RunClaims(run,
						List.of(Claim.notChecked("platform: a claim", "a phase's CPU per request is missing")))),
				analysis.headlines(), analysis.loadGenerator(), analysis.littlesLaw(), analysis.sinceBaseline());
		Document junit = valid(JunitReport.render(notChecked, OptionalDouble.empty()));
		Element skipped = (Element) testcase(junit, run.stack().id() + " · " + run.scenario().id() + " · claims",
				"platform: a claim")
			.getElementsByTagName("skipped")
			.item(0);
		assertThat(skipped.getAttribute("message")).isEqualTo("not checked: a phase's CPU per request is missing");
		assertThat(junit.getDocumentElement().getAttribute("skipped")).isEqualTo("1");
	}

	@Test
	void charactersXmlForbidsAreReplacedAndTheRestEscaped() throws Exception {
		ComparisonResults fixture = Fixtures.comparison();
		String hostile = "\u001b[31m\u0000 <b>&\"quoted\" \uD83D\uDE00 \uD800";
		List<ScenarioResult> results = fixture.results()
			.stream()
			.map((result) -> result.withAssertions(List.of(new GatlingAssertion(hostile, false, hostile))))
			.toList();
		String xml = JunitReport.render(Analysis.of(Fixtures.comparison(fixture.stacks(), 1, results)),
				OptionalDouble.empty());
		Element failed = testcase(valid(xml), "platform · concurrent-slow · Gatling assertions", "\uFFFD[31m");
		assertThat(failed.getAttribute("name")).isEqualTo("\uFFFD[31m\uFFFD <b>&\"quoted\" \uD83D\uDE00 \uFFFD");
	}

	@Test
	void aRealCiRunIsValidJunitWithEachAssertionOfEachFork() throws Exception {
		ComparisonResults run = Reports.read(RECORDED.resolve("ci-1"));
		Document junit = valid(JunitReport.render(Analysis.of(run), OptionalDouble.empty()));
		assertThat(suite(junit, "platform · slow-rate · Gatling assertions").getAttribute("tests")).isNotEqualTo("0");
		assertThat(testcase(junit, "platform · slow-rate · Gatling assertions", "fork 2: ")).isNotNull();
		assertThat(junit.getDocumentElement().getAttribute("failures")).isEqualTo("0");
	}

	@Test
	void anAaPairNeverFailsTheGate() throws Exception {
		Analysis again = Analysis.of(Reports.read(RECORDED.resolve("ci-2")),
				Optional.of(Reports.read(RECORDED.resolve("ci-1"))));
		assertThat(again.regressions(GATE)).isEmpty();
		Element gate = suite(valid(JunitReport.render(again, OptionalDouble.of(GATE))),
				"regression gate: worse beyond noise by more than 20%");
		assertThat(gate.getAttribute("tests")).isNotEqualTo("0");
		assertThat(gate.getAttribute("failures")).isEqualTo("0");
	}

	@Test
	void aCutRequestPoolFailsTheGateOnTheFigureItMoves() throws Exception {
		Analysis cut = Analysis.of(Reports.read(RECORDED.resolve("ci-threads-20")),
				Optional.of(Reports.read(RECORDED.resolve("ci-1"))));
		assertThat(cut.regressions(GATE)).singleElement()
			.asString()
			.startsWith("slow-rate, p99 at 200 req/s on a 200 ms page on platform: ");
		Document junit = valid(JunitReport.render(cut, OptionalDouble.of(GATE)));
		Element regressed = testcase(junit, "regression gate: worse beyond noise by more than 20%",
				"p99 at 200 req/s on a 200 ms page on platform");
		assertThat(regressed.getElementsByTagName("failure").getLength()).isOne();
		assertThat(JunitReport.render(cut, OptionalDouble.empty())).as("no gate without a threshold")
			.doesNotContain("regression gate");
	}

	/** The gate's threshold the README recommends from this machine's A/A run. */
	private static final double GATE = 20;

	/** The text validated against the committed schema, then parsed. */
	private static Document valid(String xml) throws Exception {
		SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		var schema = schemas.newSchema(Path.of("src/test/resources/junit/junit.xsd").toFile());
		assertThatCode(() -> schema.newValidator().validate(new StreamSource(new StringReader(xml))))
			.as("junit.xml against the JUnit XML schema")
			.doesNotThrowAnyException();
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}

	private static Element suite(Document junit, String name) {
		NodeList suites = junit.getElementsByTagName("testsuite");
		for (int i = 0; i < suites.getLength(); i++) {
			Element suite = (Element) suites.item(i);
			if (suite.getAttribute("name").equals(name)) {
				return suite;
			}
		}
		throw new AssertionError("no testsuite " + name);
	}

	private static Element testcase(Document junit, String suite, String nameStart) {
		NodeList cases = suite(junit, suite).getElementsByTagName("testcase");
		for (int i = 0; i < cases.getLength(); i++) {
			Element test = (Element) cases.item(i);
			if (test.getAttribute("name").startsWith(nameStart)) {
				return test;
			}
		}
		throw new AssertionError("no testcase " + nameStart + "… in " + suite);
	}

}
