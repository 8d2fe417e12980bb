package dev.stackbench.gatling.comparison;

import static java.lang.String.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.stream.Collectors;

/** The tables both reports show, computed from the results once. */
final class ReportTables {

	private ReportTables() {
	}

	static List<Table> all(ComparisonResults results) {
		return List.of(summary(results), littlesLaw(results), claims(results), resources(results), errors(results),
				environment(results), tuning(results), scenarios(results));
	}

	static Table summary(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			for (RequestStats row : result.requests()) {
				rows.add(List.of(result.scenario(), row.name(), result.stack(), format(Locale.ROOT, "%,.0f", row.throughput()),
						ms(row.p50()), ms(row.p95()), ms(row.p99()), ms(row.max()), String.valueOf(row.count()),
						format(Locale.ROOT, "%d (%.1f%%)", row.ko(), row.failedPercent())));
			}
		}
		return new Table("Throughput and latency",
				"Throughput counts OK responses a second over the full seconds a row's requests were sent; latencies are Gatling's, in milliseconds, from the client's side.",
				List.of("scenario", "requests", "stack", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "count", "failed"),
				rows);
	}

	static Table littlesLaw(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			OptionalDouble bound = Theory.bound(result);
			OptionalDouble ratio = Theory.ratioToBound(result);
			if (bound.isPresent() && ratio.isPresent()) {
				rows.add(List.of(result.scenario(), result.stack(), format(Locale.ROOT, "%,.0f", bound.getAsDouble()),
						format(Locale.ROOT, "%,.0f", result.headline().orElseThrow().throughput()),
						format(Locale.ROOT, "%.0f%%", 100 * ratio.getAsDouble())));
			}
		}
		return new Table("Little's law",
				"For the scenarios that wait: the most requests a second possible if no request waits for another (concurrent users / delay, or the arrival rate), and how close each stack came.",
				List.of("scenario", "stack", "bound req/s", "measured req/s", "share of bound"), rows);
	}

	static Table claims(ComparisonResults results) {
		return new Table("Claims from theory", "", List.of("claim", "verdict", "numbers"),
				results.claims()
					.stream()
					.map((claim) -> List.of(claim.statement(), claim.held() ? "held" : "NOT held", claim.evidence()))
					.toList());
	}

	static Table resources(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			AppMetrics app = result.app();
			rows.add(List.of(result.scenario(), result.stack(), format(Locale.ROOT, "%.1f", app.cpuSeconds()),
					format(Locale.ROOT, "%.0f", result.appCpuMillisPer1000Requests()),
					format(Locale.ROOT, "%.1f", result.loadGeneratorCpuSeconds()), count(app.maxLiveThreads()),
					count(app.maxBusyRequestThreads()), count(app.maxConnections()),
					format(Locale.ROOT, "%.0f", app.maxHeapMegabytes()),
					format(Locale.ROOT, "%.0f → %.0f", app.heapAfterGcAtStartMegabytes(), app.heapAfterGcAtEndMegabytes()),
					format(Locale.ROOT, "%d (%.0f ms)", app.gcPauses(), app.gcPauseSeconds() * 1000),
					result.assertionsPassed() ? "passed" : "FAILED"));
		}
		return new Table("Resources",
				"From each app's own metrics, scraped every second on its management port, and the load generator's process CPU. A dash means the stack has no such meter (busy request threads on an event loop).",
				List.of("scenario", "stack", "app CPU s", "app CPU ms / 1k req", "load generator CPU s", "max live threads",
						"max busy request threads", "max connections", "max heap MB", "heap after GC MB, start → end", "GC pauses",
						"assertions"),
				rows);
	}

	static Table errors(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		for (ScenarioResult result : results.results()) {
			result.errors()
				.forEach((error) -> rows.add(List.of(result.scenario(), result.stack(), error.message(),
						String.valueOf(error.count()))));
		}
		return new Table("Errors", rows.isEmpty() ? "No request failed." : "", List.of("scenario", "stack", "error", "count"),
				rows);
	}

	static Table environment(ComparisonResults results) {
		Environment environment = results.environment();
		List<List<String>> rows = new ArrayList<>(List.of(List.of("preset", results.preset()),
				List.of("started", results.started().toString()), List.of("finished", results.finished().toString()),
				List.of("mode", environment.mode()), List.of("JDK", environment.jdk()),
				List.of("cores", String.valueOf(environment.cores())),
				List.of("memory", environment.memoryMegabytes() + " MB"), List.of("OS", environment.os()),
				List.of("cores split", environment.cpuSplit()),
				List.of("app JVM options", String.join(" ", environment.jvmOptions()))));
		environment.versions().forEach((name, version) -> rows.add(List.of(name, version)));
		return new Table("Environment", "", List.of("what", "value"), rows);
	}

	static Table tuning(ComparisonResults results) {
		List<List<String>> rows = new ArrayList<>();
		results.tuning().forEach((stack, knobs) -> rows.add(List.of(stack, knobs.entrySet()
			.stream()
			.map((knob) -> knob.getKey() + "=" + knob.getValue())
			.collect(Collectors.joining(", ")))));
		return new Table("Tuning", "Every knob as the running app reported it on /actuator/info.", List.of("stack", "knobs"),
				rows);
	}

	static Table scenarios(ComparisonResults results) {
		return new Table("Scenarios", "", List.of("scenario", "simulation", "parameters"),
				results.scenarios()
					.stream()
					.map((scenario) -> List.of(scenario.id(), scenario.simulation(), new java.util.TreeMap<>(scenario.parameters())
						.entrySet()
						.stream()
						.map((parameter) -> parameter.getKey() + "=" + parameter.getValue())
						.collect(Collectors.joining(", "))))
					.toList());
	}

	private static String ms(int millis) {
		return String.valueOf(millis);
	}

	private static String count(int value) {
		return value < 0 ? "-" : String.valueOf(value);
	}

}
