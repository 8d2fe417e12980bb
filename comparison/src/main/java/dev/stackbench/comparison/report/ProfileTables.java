package dev.stackbench.comparison.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.stackbench.comparison.profile.FrameParts;
import dev.stackbench.comparison.report.Table.Cell;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.ProfileEvent;

/**
 * The report's tables of a run with {@code -Dprofile}: where a request's CPU and
 * allocations go, by named part, in each model; what profiling cost; and the links to
 * every flame graph and side-by-side view.
 */
final class ProfileTables {

	static final String CPU = "Where a request's CPU goes";

	static final String ALLOC = "Where a request's allocations go";

	static final String FILES = "Profiles: flame graphs and side-by-side views";

	private ProfileTables() {
	}

	static List<Table> all(ComparisonResults results) {
		if (results.profiles().isEmpty()) {
			return List.of();
		}
		FrameParts parts = FrameParts.standard();
		List<Table> tables = new ArrayList<>();
		for (ProfileEvent event : List.of(ProfileEvent.CPU, ProfileEvent.ALLOC)) {
			if (results.profiles().stream().anyMatch((profile) -> profile.event() == event)) {
				tables.add(breakdown(results, event, (event == ProfileEvent.CPU) ? CPU : ALLOC, parts));
			}
		}
		tables.add(files(results));
		return tables;
	}

	/**
	 * One event's parts per request, scenario by scenario, each model a column and each
	 * other model's difference from the first; under each scenario's parts, what the
	 * process counted over the profiled window and over the measured one without the
	 * profiler, and the share of it the samples account for.
	 */
	static Table breakdown(ComparisonResults results, ProfileEvent event, String title, FrameParts parts) {
		List<Contender> stacks = results.stacks()
			.stream()
			.filter((stack) -> results.profiles()
				.stream()
				.anyMatch((profile) -> profile.stack() == stack && profile.event() == event))
			.toList();
		List<String> headers = new ArrayList<>(List.of("scenario", "part"));
		stacks.forEach((stack) -> headers.add(stack.id() + ", " + event.perRequestUnit() + "/request (share)"));
		stacks.stream().skip(1).forEach((stack) -> headers.add(stack.id() + " − " + stacks.getFirst().id()));
		List<List<Cell>> rows = new ArrayList<>();
		for (String scenario : scenarios(results, event)) {
			List<Optional<Profile>> profiles = stacks.stream()
				.map((stack) -> find(results, scenario, stack, event))
				.toList();
			List<String> partIds = profiles.stream()
				.flatMap(Optional::stream)
				.findFirst()
				.map((profile) -> List.copyOf(profile.parts().keySet()))
				.orElse(List.of());
			for (String part : partIds) {
				rows.add(row(scenario, parts.name(part), profiles, (profile) -> profile.perRequest(part)
					.map((value) -> number(value) + String.format(Locale.ROOT, " (%.0f%%)", 100 * profile.share(part))),
						(profile) -> profile.perRequest(part)));
			}
			rows.add(row(scenario, "all, as the process counted it over the profiled window", profiles,
					(profile) -> profile.measuredPerRequest().map(ProfileTables::number), Profile::measuredPerRequest));
			rows.add(row(scenario, "the samples' share of it (how much of it they saw)", profiles,
					(profile) -> profile.coverage()
						.map((coverage) -> String.format(Locale.ROOT, "%.0f%%", 100 * coverage)),
					(profile) -> Optional.empty()));
			rows.add(row(scenario, "the measured window, without the profiler (what profiling cost)", profiles,
					(profile) -> profile.unprofiledPerRequest()
						.map((without) -> number(without) + profile.measuredPerRequest()
							.map((with) -> String.format(Locale.ROOT, " (profiled %+.0f%%)",
									100 * (with - without) / without))
							.orElse("")),
					Profile::unprofiledPerRequest));
			rows.add(row(scenario, "headline throughput, req/s: profiled / not", profiles,
					(profile) -> (profile.unprofiled().headlineThroughput() > 0)
							? Optional.of(String.format(Locale.ROOT, "%,.0f / %,.0f",
									profile.profiled().headlineThroughput(), profile.unprofiled().headlineThroughput()))
							: Optional.empty(),
					(profile) -> Optional.empty()));
		}
		int fork = results.profiles().getFirst().run();
		return new Table(title, "Each model's app profiled with async-profiler in an extra window after its fork "
				+ fork
				+ "'s measured ones (the scenario run once more, the profiler attached from its first request to "
				+ "its last); no figure of the other tables comes from a profiled window. A sample belongs to the part "
				+ "named for the frame nearest its leaf (parts.json of the comparison's profile package); a part's "
				+ event.perRequestUnit() + " per request is its share of the samples times what the process counted "
				+ "per request over the same window"
				+ ((event == ProfileEvent.CPU) ? " (every thread's CPU, the JIT's and the collector's included)."
						: " (the JVM's allocated bytes)."),
				headers, rows);
	}

	/** Every profile's flame graph and collapsed stacks, and each side-by-side view. */
	static Table files(ComparisonResults results) {
		List<List<Cell>> rows = new ArrayList<>();
		for (Profile profile : results.profiles()) {
			String base = profile.folder() + "/" + profile.event().id();
			rows.add(List.of(Cell.of(profile.window()), Cell.of(profile.event().id()), Cell.of(profile.stack().id()),
					Cell.link("flame graph", base + ".html"), Cell.link("collapsed stacks", base + ".collapsed")));
		}
		for (SideBySide.Pair pair : SideBySide.pairs(results.profiles(), results.stacks())) {
			rows.add(List.of(Cell.of(pair.a().window()), Cell.of(pair.a().event().id()),
					Cell.of(pair.b().stack().id() + " against " + pair.a().stack().id()),
					Cell.link("side by side", pair.file()), Cell.of("")));
		}
		return new Table(FILES, "async-profiler's own interactive flame graphs (click a frame to zoom, Ctrl+F to "
				+ "search) and its collapsed stacks; a side-by-side view sets a model's profile against the first "
				+ "model's: the parts, the functions that differ most and a differential flame graph.",
				List.of("scenario", "event", "model", "view", "data"), rows);
	}

	private static List<String> scenarios(ComparisonResults results, ProfileEvent event) {
		return results.profiles()
			.stream()
			.filter((profile) -> profile.event() == event)
			.map(Profile::window)
			.distinct()
			.toList();
	}

	private static Optional<Profile> find(ComparisonResults results, String scenario, Contender stack,
			ProfileEvent event) {
		return results.profiles()
			.stream()
			.filter((profile) -> profile.window().equals(scenario) && profile.stack() == stack
					&& profile.event() == event)
			.findFirst();
	}

	/**
	 * A row: each model's cell, then each other model's difference from the first where
	 * {@code value} gives both.
	 */
	private static List<Cell> row(String scenario, String label, List<Optional<Profile>> profiles,
			java.util.function.Function<Profile, Optional<String>> text,
			java.util.function.Function<Profile, Optional<Double>> value) {
		List<Cell> cells = new ArrayList<>(List.of(Cell.of(scenario), Cell.of(label)));
		profiles.forEach((profile) -> cells.add(Cell.of(profile.flatMap(text).orElse("-"))));
		Optional<Double> first = profiles.getFirst().flatMap(value);
		profiles.stream()
			.skip(1)
			.forEach((profile) -> cells.add(Cell
				.of(first.flatMap((a) -> profile.flatMap(value).map((b) -> String.format(Locale.ROOT, "%+.1f", b - a)))
					.orElse(""))));
		return cells;
	}

	/** A figure per request: whole above 100, else to a tenth. */
	static String number(double value) {
		return String.format(Locale.ROOT, (value >= 100) ? "%,.0f" : "%.1f", value);
	}

}
