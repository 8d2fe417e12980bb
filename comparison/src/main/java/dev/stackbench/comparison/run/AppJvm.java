package dev.stackbench.comparison.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every app's JVM is started, the same for every contender: a fixed heap, so that no
 * contender wins by growing it, and a garbage collector chosen explicitly, since the
 * JVM's own choice depends on the cores it sees (Serial on one, G1 on two) and would
 * differ between this machine and a container.
 *
 * @param gc the collector's name as in {@code -XX:+Use<gc>GC}
 * @param aot whether every app runs with its serving model's {@link AotCache}
 */
record AppJvm(String gc, boolean aot) {

	private static final List<String> COLLECTORS = List.of("G1", "Parallel", "Serial", "Z");

	static AppJvm of(String gc) {
		return COLLECTORS.stream()
			.filter((known) -> known.equalsIgnoreCase(gc.trim()))
			.findFirst()
			.map((known) -> new AppJvm(known, false))
			.orElseThrow(() -> new IllegalArgumentException(
					"unknown garbage collector '" + gc + "'; choose from " + COLLECTORS));
	}

	AppJvm withAot(boolean aot) {
		return new AppJvm(this.gc, aot);
	}

	/**
	 * The JVM options every app is started with; its AOT cache's, which differ from one
	 * serving model to the next, are its {@link AppLaunch}'s.
	 */
	List<String> options() {
		List<String> options = new ArrayList<>(List.of("-Xms1g", "-Xmx1g", "-XX:+Use" + this.gc + "GC"));
		// An app out of heap ends at once, with one line saying so, as in compose, rather
		// than limp on with threads that died of it: the run reports it and goes on.
		options.add("-XX:+ExitOnOutOfMemoryError");
		options.add("--enable-native-access=ALL-UNNAMED");
		return options;
	}

	/**
	 * The java command (this JVM's own) with the options every app gets and those of its
	 * placement: how {@link AppProcess} starts an app, and what an {@link AotCache} is
	 * made with, so that the fork can map it.
	 */
	List<String> command(CpuSplit.Placement placement) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(options());
		command.addAll(placement.jvmOptions());
		return command;
	}

	/** The java executable of this JVM, which every app and helper step runs on. */
	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	/** The options as a report states them, the AOT cache's included. */
	List<String> described() {
		List<String> options = new ArrayList<>(options());
		if (this.aot) {
			options.add("-XX:AOTCache=<its serving model's, from a training run>");
		}
		return options;
	}

	@Override
	public String toString() {
		return this.gc.toLowerCase(Locale.ROOT);
	}

}
