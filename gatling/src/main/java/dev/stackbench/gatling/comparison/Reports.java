package dev.stackbench.gatling.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes a comparison's three files: {@code results.json}, {@code report.md} and {@code report.html}. */
final class Reports {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private Reports() {
	}

	static void write(ComparisonResults results, Path folder) throws IOException {
		Files.writeString(folder.resolve("results.json"), JSON.writeValueAsString(results));
		Files.writeString(folder.resolve("report.md"), MarkdownReport.render(results));
		Files.writeString(folder.resolve("report.html"), HtmlReport.render(results));
	}

	static ComparisonResults read(Path resultsJson) throws IOException {
		return JSON.readValue(resultsJson.toFile(), ComparisonResults.class);
	}

}
