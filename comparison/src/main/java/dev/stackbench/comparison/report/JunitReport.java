package dev.stackbench.comparison.report;

import static java.lang.String.format;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.stackbench.comparison.result.AppDeath;
import dev.stackbench.comparison.result.Claim;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.GatlingAssertion;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.theory.Analysis;
import dev.stackbench.comparison.theory.Baseline;
import dev.stackbench.comparison.theory.Theory;

/**
 * {@code junit.xml}: a comparison as test results, in the JUnit XML that Jenkins',
 * GitLab's and GitHub's test reporters read. Per model and scenario, one suite of its
 * Gatling assertions (every fork's; a failed one is a failure, and what fails the run
 * with {@code -DfailOnAssertions}) and one of theory's claims on its median run (held:
 * passed; not held: a failure with its numbers; not checked: skipped; findings, which
 * never change the exit code); per model, whether its app stayed up in each fork; and
 * with {@code -DfailOnRegression}, one suite of the regression gate's figures (a
 * regression beyond noise and beyond the threshold is a failure, and fails the run). A
 * test reporter counts a claim not held among the failures, and may mark its check or
 * build accordingly, while the run's exit status is the assertions', the apps' and the
 * gate's.
 */
public final class JunitReport {

	/** JUnit's timestamps: local date and time, no zone; written in UTC. */
	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private JunitReport() {
	}

	/**
	 * The file's text.
	 * @param regressionThreshold {@code -DfailOnRegression}'s percentage, if given
	 */
	public static String render(Analysis analysis, OptionalDouble regressionThreshold) {
		ComparisonResults results = analysis.results();
		List<Suite> suites = new ArrayList<>();
		for (Contender stack : results.stacks()) {
			for (Scenario scenario : results.scenarios()) {
				suites.add(assertions(results, stack, scenario));
				suites.add(claims(analysis, stack, scenario));
			}
			suites.add(appsUp(results, stack));
		}
		if (regressionThreshold.isPresent() && analysis.baseline().isPresent()) {
			suites.add(regressionGate(analysis, regressionThreshold.getAsDouble()));
		}
		return xml(results, suites.stream().filter((suite) -> !suite.cases().isEmpty()).toList());
	}

	private static Suite assertions(ComparisonResults results, Contender stack, Scenario scenario) {
		List<Case> cases = new ArrayList<>();
		String classname = classname(stack, scenario.id());
		List<ScenarioResult> runs = results.runsOf(scenario.id(), stack);
		for (ScenarioResult run : runs) {
			String fork = (results.repeat() > 1) ? "fork " + run.run() + ": " : "";
			for (GatlingAssertion assertion : run.assertions()) {
				cases.add(new Case(fork + assertion.assertion(), classname,
						assertion.passed() ? Outcome.PASSED : Outcome.FAILED, "actual: " + assertion.actual(), ""));
			}
			if (!run.assertionsPassed() && run.assertions().stream().allMatch(GatlingAssertion::passed)) {
				// Gatling's exit code said an assertion failed, and no result read from
				// the log says which: results recorded before they were read.
				cases.add(new Case(fork + "the simulation's assertions, as Gatling's exit code judged them", classname,
						Outcome.FAILED, "an assertion failed", "see the Gatling report: " + run.gatlingReport()));
			}
		}
		return new Suite(stack.id() + " · " + scenario.id() + " · Gatling assertions",
				runs.stream().mapToDouble(ScenarioResult::seconds).sum(), cases);
	}

	private static Suite claims(Analysis analysis, Contender stack, Scenario scenario) {
		List<Case> cases = new ArrayList<>();
		for (Theory.RunClaims run : analysis.claimsByRun()) {
			if (run.run().stack().equals(stack) && run.run().scenario().id().equals(scenario.id())) {
				for (Claim claim : run.claims()) {
					Outcome outcome = switch (claim.outcome()) {
						case HELD -> Outcome.PASSED;
						case NOT_HELD -> Outcome.FAILED;
						case NOT_CHECKED -> Outcome.SKIPPED;
					};
					cases.add(new Case(claim.statement(), classname(stack, scenario.id()), outcome,
							(outcome == Outcome.SKIPPED) ? "not checked: " + claim.evidence() : "not held",
							claim.evidence()));
				}
			}
		}
		return new Suite(stack.id() + " · " + scenario.id() + " · claims", 0, cases);
	}

	private static Suite appsUp(ComparisonResults results, Contender stack) {
		List<Case> cases = new ArrayList<>();
		for (int fork = 1; fork <= results.repeat(); fork++) {
			int run = fork;
			Optional<AppDeath> death = results.deaths()
				.stream()
				.filter((died) -> died.stack().equals(stack) && died.run() == run)
				.findFirst();
			cases.add(new Case((results.repeat() > 1) ? "the app stayed up in fork " + fork : "the app stayed up",
					"stackbench." + stack.id(), death.isPresent() ? Outcome.ERROR : Outcome.PASSED,
					death.map((died) -> died.inWords() + " during " + died.during()).orElse(""), ""));
		}
		return new Suite(stack.id() + " · the app", 0, cases);
	}

	private static Suite regressionGate(Analysis analysis, double threshold) {
		List<Case> cases = new ArrayList<>();
		for (Baseline.Change change : analysis.sinceBaseline()) {
			if (!change.measure().regressionChecked()) {
				continue;
			}
			boolean regressed = Baseline.regressed(change, threshold);
			cases.add(new Case(change.measure().figure() + " on " + change.stack().id(),
					classname(change.stack(), change.measure().scenario()), regressed ? Outcome.FAILED : Outcome.PASSED,
					format(Locale.ROOT, "regressed beyond noise by more than %s%%", percentage(threshold)),
					change.describe()));
		}
		return new Suite(
				format(Locale.ROOT, "regression gate: worse beyond noise by more than %s%%", percentage(threshold)), 0,
				cases);
	}

	/** 20, 7.5: a threshold as the user gave it. */
	private static String percentage(double threshold) {
		return BigDecimal.valueOf(threshold).stripTrailingZeros().toPlainString();
	}

	private static String classname(Contender stack, String scenario) {
		return "stackbench." + stack.id() + "." + scenario;
	}

	/**
	 * Written with the JDK's streaming writer, one element a line: its DOM serializer
	 * indents by putting each attribute on a line of its own.
	 */
	private static String xml(ComparisonResults results, List<Suite> suites) {
		StringWriter text = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("testsuites");
			xml.writeAttribute("name", "stackbench " + results.preset());
			counts(xml, suites.stream().flatMap((suite) -> suite.cases().stream()).toList());
			xml.writeAttribute("time", seconds(suites.stream().mapToDouble(Suite::seconds).sum()));
			int id = 0;
			for (Suite suite : suites) {
				xml.writeCharacters("\n  ");
				xml.writeStartElement("testsuite");
				xml.writeAttribute("name", xmlText(suite.name()));
				xml.writeAttribute("id", Integer.toString(id++));
				counts(xml, suite.cases());
				xml.writeAttribute("time", seconds(suite.seconds()));
				xml.writeAttribute("timestamp", TIMESTAMP.format(results.started()));
				for (Case test : suite.cases()) {
					xml.writeCharacters("\n    ");
					test.write(xml);
				}
				xml.writeCharacters("\n  ");
				xml.writeEndElement();
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("junit.xml could not be written", ex);
		}
		return text.toString();
	}

	/**
	 * The text with every character XML 1.0 does not allow (control characters, lone
	 * surrogates) replaced by U+FFFD: claim evidence quotes Gatling's error messages and
	 * an app's dying words, and one such character would make the whole file unreadable
	 * to every test reporter. The writer escapes the rest.
	 */
	static String xmlText(String text) {
		StringBuilder clean = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				clean.append(c).append(text.charAt(++i));
			}
			else {
				boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
						|| (c >= 0xE000 && c <= 0xFFFD);
				clean.append(allowed ? c : '\uFFFD');
			}
		}
		return clean.toString();
	}

	private static void counts(XMLStreamWriter xml, List<Case> cases) throws XMLStreamException {
		xml.writeAttribute("tests", Integer.toString(cases.size()));
		xml.writeAttribute("failures", count(cases, Outcome.FAILED));
		xml.writeAttribute("errors", count(cases, Outcome.ERROR));
		xml.writeAttribute("skipped", count(cases, Outcome.SKIPPED));
	}

	private static String count(List<Case> cases, Outcome outcome) {
		return Long.toString(cases.stream().filter((test) -> test.outcome() == outcome).count());
	}

	private static String seconds(double seconds) {
		return format(Locale.ROOT, "%.3f", seconds);
	}

	private enum Outcome {

		PASSED, FAILED, ERROR, SKIPPED

	}

	private record Suite(String name, double seconds, List<Case> cases) {
	}

	/**
	 * One test case: what it checked, and for one that did not pass, a one-line message
	 * and the numbers behind it. Its time is 0: a case is a figure judged, not a run (the
	 * suite carries its runs' time).
	 */
	private record Case(String name, String classname, Outcome outcome, String message, String detail) {

		void write(XMLStreamWriter xml) throws XMLStreamException {
			String tag = switch (this.outcome) {
				case PASSED -> null;
				case FAILED -> "failure";
				case ERROR -> "error";
				case SKIPPED -> "skipped";
			};
			if (tag == null) {
				xml.writeEmptyElement("testcase");
			}
			else {
				xml.writeStartElement("testcase");
			}
			xml.writeAttribute("name", xmlText(this.name));
			xml.writeAttribute("classname", xmlText(this.classname));
			xml.writeAttribute("time", JunitReport.seconds(0));
			if (tag != null) {
				xml.writeStartElement(tag);
				xml.writeAttribute("message", xmlText(this.message));
				if (this.outcome != Outcome.SKIPPED) {
					xml.writeAttribute("type", xmlText(this.classname));
				}
				xml.writeCharacters(xmlText(this.detail));
				xml.writeEndElement();
				xml.writeEndElement();
			}
		}

	}

}
