package dev.stackbench.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.theory.Analysis;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a comparison's three files, {@code results.json}, {@code report.md} and
 * {@code report.html}, and reads one back.
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

	/** Writes the three files; with a baseline, both reports set this run against it. */
	public static void write(ComparisonResults results, Optional<ComparisonResults> baseline, Path folder)
			throws IOException {
		write(Analysis.of(results, baseline), folder);
	}

	/**
	 * Writes the three files of an analysed comparison: its raw results, and the two
	 * reports formatting the one analysis.
	 */
	public static void write(Analysis analysis, Path folder) throws IOException {
		Files.writeString(folder.resolve("results.json"), json(analysis.results()));
		Files.writeString(folder.resolve("report.md"), MarkdownReport.render(analysis));
		Files.writeString(folder.resolve("report.html"), HtmlReport.render(analysis));
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
