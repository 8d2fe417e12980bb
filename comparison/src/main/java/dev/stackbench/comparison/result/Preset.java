package dev.stackbench.comparison.result;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A named set of scenarios and their sizes, a data file: the tool's own in
 * {@code presets/<id>.json} on its class path ({@code quick} fits a workshop,
 * {@code standard} adds the rest, {@code ci} checks with assertions, fast; {@code soak}
 * looks for drift), or a user's own given by its path. A scenario entry names its type
 * and the parameters that differ from the type's defaults.
 *
 * @param id the preset's name: the built-in one's, or the file's name without
 * {@code .json}
 * @param description what it is for, in a line
 * @param warmUpLimitSeconds the most seconds a freshly started app's plain page is warmed
 * up for, however much its throughput still grows, so that the JIT has compiled the
 * request path before anything is measured: the first scenario otherwise pays for
 * compilation (measured here: twice the CPU per request). On one core it takes 40 to 60 s
 * to settle.
 * @param failOnAssertions whether a failed Gatling assertion fails the command unless the
 * command line says otherwise
 * @param forks how many times every contender runs unless {@code -Drepeat} says
 * otherwise, each a freshly started JVM, interleaved across contenders (1 when the file
 * leaves it out): one JVM's JIT state is one draw, and the machine's noise is only
 * measured across several
 * @param scenarios the scenarios, in the order they run
 */
@JsonIgnoreProperties({ "why" })
public record Preset(String id, String description, int warmUpLimitSeconds, boolean failOnAssertions, int forks,
		List<Scenario> scenarios) {

	/** The tool's own presets, in the order {@code --help} lists them. */
	public static final List<String> BUILT_IN = List.of("quick", "standard", "ci", "soak");

	/**
	 * A preset file leaves out what it does not set (false, for a flag), and a key it
	 * misspells is refused rather than dropped.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	public static final Preset QUICK = builtIn("quick");

	public static final Preset STANDARD = builtIn("standard");

	public static final Preset CI = builtIn("ci");

	public static final Preset SOAK = builtIn("soak");

	/** A built-in preset by name, or a preset file by its path. */
	public static Preset of(String idOrPath) {
		return of(idOrPath, Path.of("."));
	}

	/** A built-in preset by name, or a preset file by its path from {@code root}. */
	public static Preset of(String idOrPath, Path root) {
		String name = idOrPath.trim();
		if (BUILT_IN.contains(name)) {
			return Stream.of(QUICK, STANDARD, CI, SOAK)
				.filter((preset) -> preset.id().equals(name))
				.findFirst()
				.orElseThrow();
		}
		Path file = root.resolve(name);
		if (!name.endsWith(".json") || !Files.isRegularFile(file)) {
			throw new IllegalArgumentException(
					"unknown preset '" + idOrPath + "'; choose from " + BUILT_IN + " or give a preset file's path");
		}
		try {
			return read(Files.readString(file), file.getFileName().toString().replaceFirst("\\.json$", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Preset builtIn(String id) {
		try (InputStream in = Preset.class.getResourceAsStream("/presets/" + id + ".json")) {
			return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), id);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A preset file's text; its id is the file's name. */
	static Preset read(String json, String id) {
		try {
			Preset read = JSON.readValue(json, Preset.class);
			if (read.warmUpLimitSeconds() <= 0 || read.scenarios() == null || read.scenarios().isEmpty()) {
				throw new IllegalArgumentException("preset " + id + " needs a warmUpLimitSeconds over 0 and "
						+ "scenarios, as the built-in ones in presets/ on the class path have");
			}
			return new Preset(id, read.description(), read.warmUpLimitSeconds(), read.failOnAssertions(),
					Math.max(1, read.forks()), read.scenarios());
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("preset " + id + ": " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * A scenario by id, from this preset or else from any built-in one, so a quick run
	 * can add a standard scenario.
	 */
	public Scenario scenario(String id) {
		return Stream.of(this, QUICK, STANDARD, CI, SOAK)
			.flatMap((preset) -> preset.scenarios().stream())
			.filter((scenario) -> scenario.id().equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id + "'; choose from "
					+ Stream.of(this, QUICK, STANDARD, CI, SOAK)
						.flatMap((preset) -> preset.scenarios().stream())
						.map(Scenario::id)
						.distinct()
						.toList()));
	}

}
