package dev.stackbench.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.theory.Analysis;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a comparison's files, {@code results.json}, {@code report.md},
 * {@code report.html}, {@code summary.md} (what the console prints at the end: verdicts,
 * changes since the baseline, claims; a CI job's summary page) and {@code junit.xml}, and
 * reads one back.
 */
public final class Reports {

	/**
	 * A figure added to a schema reads 0 from results written before it (a baseline from
	 * the build before, for one) rather than refusing the whole file.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private Reports() {
	}

	/** Writes the files; with a baseline, the reports set this run against it. */
	public static void write(ComparisonResults results, Optional<ComparisonResults> baseline, Path folder)
			throws IOException {
		write(Analysis.of(results, baseline), OptionalDouble.empty(), folder);
	}

	/**
	 * Writes the files of an analysed comparison: its raw results, and the reports
	 * formatting the one analysis.
	 * @param regressionThreshold {@code -DfailOnRegression}'s percentage, if given: the
	 * regression gate's figures are then test cases in {@code junit.xml}
	 */
	public static void write(Analysis analysis, OptionalDouble regressionThreshold, Path folder) throws IOException {
		Files.writeString(folder.resolve("results.json"), json(analysis.results()));
		Files.writeString(folder.resolve("report.md"), MarkdownReport.render(analysis));
		Files.writeString(folder.resolve("report.html"), HtmlReport.render(analysis));
		Files.writeString(folder.resolve("summary.md"), MarkdownReport.summary(analysis));
		Files.writeString(folder.resolve("junit.xml"), JunitReport.render(analysis, regressionThreshold));
	}

	/** {@code results.json}'s text. */
	static String json(ComparisonResults results) {
		return JSON.writeValueAsString(results);
	}

	/**
	 * The oldest {@code results.json} schema this build reads, as a baseline among
	 * others.
	 */
	static final int OLDEST_SCHEMA = 2;

	/**
	 * Reads a comparison back from its folder or its {@code results.json}: this schema's
	 * or the one before it ({@link #OLDEST_SCHEMA}), which read the same; an older one is
	 * refused.
	 */
	public static ComparisonResults read(Path folderOrJson) throws IOException {
		Path json = Files.isDirectory(folderOrJson) ? folderOrJson.resolve("results.json") : folderOrJson;
		if (!Files.isRegularFile(json)) {
			throw new IOException(
					"no comparison at " + folderOrJson + ": give a comparison's folder or its results.json");
		}
		JsonNode tree = JSON.readTree(json.toFile());
		int schema = tree.path("schemaVersion").asInt(1);
		if (schema < OLDEST_SCHEMA || schema > ComparisonResults.SCHEMA_VERSION) {
			throw new IOException(
					json + " has results.json schema " + schema + ", this build reads schemas " + OLDEST_SCHEMA + " to "
							+ ComparisonResults.SCHEMA_VERSION + ": rerun the baseline with this build");
		}
		return JSON.treeToValue(tree, ComparisonResults.class);
	}

}
