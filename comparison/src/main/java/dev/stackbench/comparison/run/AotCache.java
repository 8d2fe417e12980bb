package dev.stackbench.comparison.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.stackbench.comparison.result.Contender;

/**
 * The JDK's AOT cache of one serving model's app (JEP 483, 514 and 515): the classes a
 * training run of the app loaded and linked, and the profiles of the methods it ran, so
 * that every fork of the model starts from the same ones instead of gathering its own.
 * Measured by hand here (the servlet app, three forks each way), forks with it were ready
 * in 6 to 9 s against 11 to 15 s, and none served at a third of the others' speed after
 * its warm-up, as one in three without it did.
 * <p>
 * Made in the JDK's two steps: a training run with {@code -XX:AOTMode=record} writes what
 * it saw as it exits, then {@code -XX:AOTMode=create} makes the cache from that. JDK 25's
 * one step, {@code -XX:AOTCacheOutput}, failed here: its child JVM refused the
 * configuration its parent had recorded. The app runs from its extracted jar, as Spring
 * Boot documents for the cache: a classpath of plain jars, which the JVM checks when it
 * maps the cache. Jar and cache are kept under a name made of what makes them valid (the
 * jar, the JDK and the JVM's options), so that a second run of the same build does not
 * train again.
 */
final class AotCache {

	/**
	 * The first JDK whose AOT cache holds method profiles (JEP 515): without them it
	 * saves class loading only, little of a warm-up.
	 */
	static final int LEAST_JDK = 25;

	private static final long STEP_TIMEOUT_SECONDS = 180;

	private final Path root;

	private final Path folder;

	private final AppJvm jvm;

	private final CpuSplit.Placement placement;

	private final Path logs;

	/**
	 * @param root the project's root, whose apps' jars are trained
	 * @param folder where the extracted jars and their caches are kept
	 * @param placement where the forks run, whose JVM options the cache is made with
	 * @param logs where the steps' output goes
	 */
	AotCache(Path root, Path folder, AppJvm jvm, CpuSplit.Placement placement, Path logs) {
		this.root = root;
		this.folder = folder;
		this.jvm = jvm;
		this.placement = placement;
		this.logs = logs;
	}

	/**
	 * Whether the JVM that runs the apps (this one's) has method profiles in its cache.
	 */
	static boolean supported() {
		return Runtime.version().feature() >= LEAST_JDK;
	}

	/** A training run of a stack's app. */
	@FunctionalInterface
	interface Training {

		/**
		 * Starts the app as {@code recording} says, loads it, and stops it gracefully:
		 * the record step writes its configuration as the JVM exits.
		 */
		void run(AppLaunch recording) throws IOException;

	}

	/**
	 * How the stack's app runs with its serving model's cache, trained first when this
	 * build has none for it yet.
	 * @return whether it was trained now, and the launch
	 */
	Made launch(Contender stack, Training training) throws IOException {
		Path built = AppProcess.jar(this.root, stack.app());
		String key = key(built);
		Path jar = extracted(built, key);
		String name = stack.app() + "-" + stack.profile() + "-" + key;
		Path cache = this.folder.resolve(name + ".aot");
		boolean trained = !Files.exists(cache);
		if (trained) {
			Path configuration = this.folder.resolve(name + ".aotconf");
			Files.deleteIfExists(configuration);
			training.run(new AppLaunch(jar, List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + configuration)));
			if (!Files.exists(configuration)) {
				throw new IOException("the AOT training run of " + stack.id() + " wrote no configuration to "
						+ configuration + "; its log in " + this.logs + " says why");
			}
			// Made under another name and moved: a cache cut short by a stopped run is
			// never taken for a whole one.
			Path part = this.folder.resolve(name + ".aot.part");
			List<String> create = new ArrayList<>(this.jvm.command(this.placement));
			create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + configuration, "-XX:AOTCache=" + part,
					"-jar", jar.toString()));
			run(create, this.logs.resolve(stack.model().id() + "-aot-create.log"));
			Files.move(part, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			Files.delete(configuration);
		}
		// On: a cache the JVM cannot map stops the fork, rather than letting it run
		// without one, unnoticed, while the report says it had one.
		return new Made(new AppLaunch(jar, List.of("-XX:AOTMode=on", "-XX:AOTCache=" + cache)), trained);
	}

	/**
	 * @param launch how the app runs with it
	 * @param trained whether it was trained in this run, rather than found from an
	 * earlier one of the same build
	 */
	record Made(AppLaunch launch, boolean trained) {

	}

	/**
	 * The app's jar extracted into {@code <jar's name>-<key>/}, once for each build of
	 * it.
	 */
	private Path extracted(Path jar, String key) throws IOException {
		String name = jar.getFileName().toString();
		Path destination = this.folder.resolve(name.substring(0, name.length() - ".jar".length()) + "-" + key);
		Path extracted = destination.resolve(name);
		if (!Files.exists(extracted)) {
			// Extracted beside and moved, as the cache is made: a folder is whole or
			// absent.
			Path part = destination.resolveSibling(destination.getFileName() + ".part");
			Files.createDirectories(destination.getParent());
			run(List.of(AppJvm.java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
					part.toString()), destination.resolveSibling(destination.getFileName() + "-extract.log"));
			Files.move(part, destination, StandardCopyOption.ATOMIC_MOVE);
		}
		return extracted;
	}

	/**
	 * What makes a cache valid: the jar as built, the JDK that maps it and the options
	 * every fork starts with; a cache made for others would be refused, or worse, half
	 * used.
	 */
	private String key(Path jar) throws IOException {
		String valid = Files.size(jar) + " " + Files.getLastModifiedTime(jar) + " " + Runtime.version() + " "
				+ this.jvm.command(this.placement);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(valid.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}

	private static void run(List<String> command, Path log) throws IOException {
		Files.createDirectories(log.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(
						String.join(" ", command) + " took over " + STEP_TIMEOUT_SECONDS + " s; its log: " + log);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new IOException("interrupted: " + String.join(" ", command), ex);
		}
		if (process.exitValue() != 0) {
			throw new IOException(
					String.join(" ", command) + " failed (exit " + process.exitValue() + "); its log: " + log);
		}
	}

}
