package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.profile.AsyncProfiler;
import dev.stackbench.comparison.profile.CollapsedStacks;
import dev.stackbench.comparison.profile.FrameParts;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.ProfileEvent;
import dev.stackbench.comparison.result.RequestStats;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ScenarioResult;
import dev.stackbench.comparison.scenario.Measurement.Measured;

/**
 * {@code -Dprofile}: after the profiled fork's measured windows, every scenario run again
 * once per event with async-profiler sampling the app (a scenario of phases phase by
 * phase), into {@code profiles/<model>/<scenario>/}; the samples grouped into
 * {@link FrameParts} and the app's counters read over the same window, and over the
 * scenario's measured one, for {@link Profile}.
 */
final class ProfiledWindows {

	/** The key of a scenario's window that is not one of its phases. */
	private static final String WHOLE = "";

	private final Options options;

	private final Path output;

	private final Progress progress;

	private final Optional<AsyncProfiler> profiler;

	private final FrameParts parts = FrameParts.standard();

	private final List<Profile> profiles = new ArrayList<>();

	/**
	 * Loads the profiler's library at once when asked to profile: a run fails before
	 * measuring, not after.
	 */
	ProfiledWindows(Options options, Path output, Progress progress) {
		this.options = options;
		this.output = output;
		this.progress = progress;
		this.profiler = options.profile().isEmpty() ? Optional.empty() : Optional.of(AsyncProfiler.load());
	}

	/** The profiled windows, in the order they ran. */
	List<Profile> profiles() {
		return this.profiles;
	}

	/**
	 * What reads a scenario's measured run in a profiled fork, to set its profiled
	 * windows against (phase by phase in a scenario of phases); empty in any other fork.
	 */
	Optional<Measuring> measuring(RunningStack running, int run, Scenario scenario) {
		return (this.options.profiles(run) && running.counters().isPresent())
				? Optional.of(new Measuring(running, scenario.type().phased())) : Optional.empty();
	}

	/**
	 * Reads the app around a scenario's run: around the whole run, or around each phase
	 * of a scenario of phases, as its {@link StackMeasurement} tells.
	 */
	abstract static class Windows implements StackMeasurement.PhaseWatch {

		final RunningStack running;

		private final boolean phased;

		Windows(RunningStack running, boolean phased) {
			this.running = running;
			this.phased = phased;
		}

		/** Just before the run's first request. */
		void begin() throws IOException {
			if (!this.phased) {
				opening(WHOLE);
			}
		}

		/** Just after its last answer. */
		void end(ScenarioResult result) throws IOException {
			if (!this.phased) {
				closing(WHOLE, result.requests(), result.seconds(), result.headline());
			}
		}

		@Override
		public void closing(String phase, Measured measured) throws IOException {
			closing(phase, measured.requests(), measured.seconds(), row(measured, phase));
		}

		/** A window closed: the load generator's rows of it and its headline row. */
		abstract void closing(String phase, List<RequestStats> rows, double seconds, Optional<RequestStats> headline)
				throws IOException;

	}

	/**
	 * The app read over a measured run, to set its profiled windows against; a window
	 * whose app could not be read is left out (its profiled window then shows no cost
	 * beside it) rather than fail the measured run.
	 */
	static final class Measuring extends Windows {

		private final Map<String, Reading> opened = new LinkedHashMap<>();

		private final Map<String, Profile.Window> windows = new LinkedHashMap<>();

		Measuring(RunningStack running, boolean phased) {
			super(running, phased);
		}

		/** The windows read, by phase, or the one window. */
		Map<String, Profile.Window> windows() {
			return this.windows;
		}

		@Override
		public void opening(String phase) {
			try {
				OptionalDouble served = served(this.running);
				this.opened.put(phase, new Reading(counters(this.running), served));
			}
			catch (IOException ex) {
				this.opened.remove(phase);
			}
		}

		@Override
		void closing(String phase, List<RequestStats> rows, double seconds, Optional<RequestStats> headline) {
			Reading before = this.opened.get(phase);
			if (before == null) {
				return;
			}
			try {
				ProcessCounters counters = counters(this.running);
				this.windows.put(phase,
						window(before, new Reading(counters, served(this.running)), rows, seconds, headline));
			}
			catch (IOException ex) {
				// Left out, as above.
			}
		}

	}

	/**
	 * The scenario run once more per event, each time with the profiler sampling the app
	 * from just before the window's first request to just after its last (each phase's,
	 * in a scenario of phases); a profile that fails is said and the run goes on without
	 * it.
	 * @return false when the app ended meanwhile, which its runner records
	 */
	boolean profile(RunningStack running, Scenario scenario, Map<String, Profile.Window> unprofiled,
			Measurements measurements) {
		Contender stack = running.target().stack();
		long pid = running.single().orElseThrow().handle().pid();
		for (ProfileEvent event : this.options.profile()) {
			Path folder = this.output.resolve("profiles").resolve(stack.id()).resolve(scenario.id());
			Profiling profiling = new Profiling(running, pid, scenario, event, folder, unprofiled);
			StackMeasurement measurement = measurements.in(scenario.id() + "-profiled-" + event.id(), profiling, true);
			measurement.awaitIdle();
			this.progress.stack(stack, "profiling " + scenario.id() + " (" + event.id() + ") in an extra window");
			try {
				profiling.begin();
				profiling.end(scenario.type().measure(scenario, measurement));
			}
			catch (IOException | RuntimeException ex) {
				if (running.single().flatMap(AppProcess::ended).isPresent()) {
					return false;
				}
				profiling.abandon();
				this.progress.stack(stack, "profiling " + scenario.id() + " (" + event.id() + ") failed, the run goes "
						+ "on without it: " + ex.getMessage());
			}
		}
		return true;
	}

	/** The profiler started and stopped around a window, or around each phase. */
	private final class Profiling extends Windows {

		private final long pid;

		private final Scenario scenario;

		private final ProfileEvent event;

		private final Path folder;

		private final Map<String, Profile.Window> unprofiled;

		private Reading before;

		private boolean started;

		Profiling(RunningStack running, long pid, Scenario scenario, ProfileEvent event, Path folder,
				Map<String, Profile.Window> unprofiled) {
			super(running, scenario.type().phased());
			this.pid = pid;
			this.scenario = scenario;
			this.event = event;
			this.folder = folder;
			this.unprofiled = unprofiled;
		}

		/**
		 * The app's count of requests read before the profiler starts, its counters
		 * after: the scrape is neither sampled nor counted.
		 */
		@Override
		public void opening(String phase) throws IOException {
			OptionalDouble served = served(this.running);
			ProfiledWindows.this.profiler.get().start(this.pid, this.event);
			this.started = true;
			this.before = new Reading(counters(this.running), served);
		}

		@Override
		void closing(String phase, List<RequestStats> rows, double seconds, Optional<RequestStats> headline)
				throws IOException {
			ProcessCounters counters = counters(this.running);
			Path into = phase.isEmpty() ? this.folder : this.folder.resolve(Profile.fileName(phase));
			Contender stack = this.running.target().stack();
			this.started = false;
			ProfiledWindows.this.profiler.get()
				.stop(this.pid, this.event, into, stack.id() + " on " + this.scenario.id()
						+ (phase.isEmpty() ? "" : " (" + phase + ")") + ": " + this.event.unit());
			Reading after = new Reading(counters, served(this.running));
			CollapsedStacks samples = CollapsedStacks.read(into.resolve(this.event.id() + ".collapsed"));
			ProfiledWindows.this.profiles.add(new Profile(stack, ProfiledWindows.this.options.repeat(),
					this.scenario.id(), phase, this.event, ProfiledWindows.this.output.relativize(into).toString(),
					window(this.before, after, rows, seconds, headline),
					this.unprofiled.getOrDefault(phase, Profile.Window.NONE), samples.total(),
					ProfiledWindows.this.parts.breakDown(samples, this.event)));
		}

		/** Stops a profiler a failed window left sampling, if it can. */
		void abandon() {
			if (this.started) {
				try {
					ProfiledWindows.this.profiler.get()
						.stop(this.pid, this.event, this.folder.resolve("failed"), "failed");
				}
				catch (IOException ex) {
					// Said already: the window failed.
				}
			}
		}

	}

	/**
	 * The app's counters and its own count of the requests it served, at one instant. The
	 * app's count rather than the load generator's: a scenario sends requests that its
	 * result has no row for (a cost window's lead-in, the windows other than a page's
	 * median), and the profile holds them all.
	 */
	record Reading(ProcessCounters counters, OptionalDouble served) {

	}

	/**
	 * The app's count of the requests it served: read before a window's counters open and
	 * after they close, so that the scrape's CPU falls outside the window.
	 */
	private static OptionalDouble served(RunningStack running) {
		return MetricsSampler.served(running.target().actuator("prometheus"));
	}

	private static ProcessCounters counters(RunningStack running) throws IOException {
		return running.counters().orElseThrow().readSpan();
	}

	/**
	 * A window from two readings: the requests the app counted, or where it could not be
	 * read those the load generator's rows hold.
	 */
	private static Profile.Window window(Reading before, Reading after, List<RequestStats> rows, double seconds,
			Optional<RequestStats> headline) {
		long requests = (before.served().isPresent() && after.served().isPresent())
				? Math.round(after.served().getAsDouble() - before.served().getAsDouble())
				: rows.stream().mapToLong(RequestStats::count).sum();
		return new Profile.Window(requests, seconds, after.counters().since(before.counters()),
				headline.map(RequestStats::throughput).orElse(0.0));
	}

	/** A phase's own row: its requests are named after it. */
	private static Optional<RequestStats> row(Measured measured, String phase) {
		return measured.requests().stream().filter((stats) -> stats.name().equals(phase)).findFirst();
	}

	/** A scenario's measurement into a Gatling folder of its own, told of its phases. */
	@FunctionalInterface
	interface Measurements {

		/**
		 * @param profiled whether it is a profiled window, whose idle footprint is not
		 * kept
		 */
		StackMeasurement in(String folder, StackMeasurement.PhaseWatch watch, boolean profiled);

	}

}
