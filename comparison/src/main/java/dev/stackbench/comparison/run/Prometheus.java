package dev.stackbench.comparison.run;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * A scrape of {@code /actuator/prometheus} in the text exposition format, queried by
 * metric name and an optional label the series must carry, the way a PromQL
 * {@code sum(name{label="value"})} would.
 */
final class Prometheus {

	private final List<Sample> samples;

	private Prometheus(List<Sample> samples) {
		this.samples = samples;
	}

	static Prometheus parse(String exposition) {
		List<Sample> samples = new ArrayList<>();
		for (String line : exposition.split("\n")) {
			if (line.isBlank() || line.startsWith("#")) {
				continue;
			}
			int valueStart = line.lastIndexOf(' ');
			int labelsStart = line.indexOf('{');
			String name = line.substring(0, (labelsStart >= 0 && labelsStart < valueStart) ? labelsStart : valueStart);
			String labels = (labelsStart >= 0 && labelsStart < valueStart) ? line.substring(labelsStart, valueStart)
					: "";
			try {
				samples.add(new Sample(name.trim(), labels, Double.parseDouble(line.substring(valueStart + 1))));
			}
			catch (NumberFormatException ignored) {
				// NaN and friends parse; anything else is not a sample stackbench reads.
			}
		}
		return new Prometheus(samples);
	}

	/**
	 * Several apps' scrapes as one, as Prometheus sums a metric over every target that
	 * has it.
	 */
	static Prometheus merge(List<Prometheus> scrapes) {
		return new Prometheus(scrapes.stream().flatMap((scrape) -> scrape.samples.stream()).toList());
	}

	/**
	 * The sum of every series of {@code name} carrying {@code label} (e.g.
	 * {@code area="heap"}; empty for all).
	 */
	OptionalDouble sum(String name, String label) {
		List<Sample> matching = this.samples.stream()
			.filter((sample) -> sample.name.equals(name) && sample.labels.contains(label))
			.toList();
		return matching.isEmpty() ? OptionalDouble.empty()
				: OptionalDouble.of(matching.stream().mapToDouble(Sample::value).sum());
	}

	OptionalDouble sum(String name) {
		return sum(name, "");
	}

	private record Sample(String name, String labels, double value) {
	}

}
