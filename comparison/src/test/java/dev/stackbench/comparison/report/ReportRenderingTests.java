package dev.stackbench.comparison.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

import dev.stackbench.comparison.Fixtures;
import dev.stackbench.comparison.result.ComparisonResults;
import dev.stackbench.comparison.result.Scenario;
import dev.stackbench.comparison.result.ServingModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Opens a report in headless Chromium, takes a screenshot and checks that the charts were
 * drawn: every stack's colour covers real area, in two bands (legend, plot) for every
 * chart down the page. CI installs Chromium and fails without it; elsewhere the test is
 * skipped when Chromium is missing.
 */
class ReportRenderingTests {

	@Test
	void chromiumDrawsEveryChart(@TempDir Path folder) throws Exception {
		Path chromium = chromium().orElseGet(() -> {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI needs Chromium to check the report renders; .ci/run installs the Debian package chromium");
			}
			return abort("Chromium is not installed");
		});
		ComparisonResults comparison = Fixtures.comparison();
		Reports.write(comparison, Optional.empty(), folder);
		Path screenshot = folder.resolve("report.png");
		Process process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + folder.resolve("profile"), "--hide-scrollbars", "--window-size=1280,9000",
				"--screenshot=" + screenshot, folder.resolve("report.html").toUri().toString())
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("chromium.log").toFile())
			.start();
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
		BufferedImage image = ImageIO.read(screenshot.toFile());
		assertThat(image).as("screenshot, Chromium said: %s", Files.readString(folder.resolve("chromium.log")))
			.isNotNull();

		int charts = comparison.scenarios()
			.stream()
			.mapToInt((Scenario scenario) -> HtmlReport.scenarioCharts(comparison, scenario).size())
			.sum() + HtmlReport.resourceCharts(comparison).size();
		for (ServingModel stack : comparison.stacks()) {
			int rgb = Integer.parseInt(stack.color().substring(1), 16);
			assertThat(pixels(image, rgb)).as("pixels drawn in %s's colour", stack.id()).isGreaterThan(charts * 150);
		}
		// Each chart is one row of the page: its legend is a band of colour as tall as a
		// legend swatch, and its bars or lines make one band below it, or more where a
		// log axis leaves white between them.
		List<Integer> bands = bandsOfChartColours(image, comparison.stacks());
		assertThat(bands.stream().filter((height) -> Math.abs(height - LEGEND_HEIGHT) <= 1)).as("legends down the page")
			.hasSize(charts);
		assertThat(bands).as("bands of chart colour down the page").hasSizeGreaterThanOrEqualTo(2 * charts);
	}

	/**
	 * A legend swatch is 12 px tall (a pixel more or less where it is drawn between pixel
	 * rows).
	 */
	private static final int LEGEND_HEIGHT = 12;

	private static long pixels(BufferedImage image, int rgb) {
		long count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == rgb) {
					count++;
				}
			}
		}
		return count;
	}

	/**
	 * The heights of the runs of rows that hold any stack's colour, separated by white,
	 * down the page.
	 */
	private static List<Integer> bandsOfChartColours(BufferedImage image, List<ServingModel> stacks) {
		List<Integer> colours = stacks.stream()
			.map((stack) -> Integer.parseInt(stack.color().substring(1), 16))
			.toList();
		List<Integer> bands = new ArrayList<>();
		int start = -1;
		for (int y = 0; y <= image.getHeight(); y++) {
			boolean coloured = false;
			for (int x = 0; y < image.getHeight() && x < image.getWidth() && !coloured; x++) {
				coloured = colours.contains(image.getRGB(x, y) & 0xFFFFFF);
			}
			if (coloured && start < 0) {
				start = y;
			}
			else if (!coloured && start >= 0) {
				bands.add(y - start);
				start = -1;
			}
		}
		return bands;
	}

	private static Optional<Path> chromium() {
		return List.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
			.stream()
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
	}

}
