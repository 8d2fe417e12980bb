package dev.stackbench.comparison.run;

import dev.stackbench.comparison.result.Contender;

/**
 * A difference planted in one contender to check that the comparison finds it: that
 * contender's app spends {@code cpuMicros} of extra CPU on every request
 * ({@code stackbench.handicap.cpu-micros}, workload's {@code Handicap}).
 *
 * @param contender the handicapped contender, e.g. {@code platform-2}
 * @param cpuMicros extra CPU per request, in microseconds
 */
record Handicap(Contender contender, int cpuMicros) {

	Handicap {
		if (cpuMicros < 1) {
			throw new IllegalArgumentException("a handicap is at least 1 microsecond, not " + cpuMicros);
		}
	}

	/** {@code platform-2:10}. */
	static Handicap of(String spec) {
		String[] parts = spec.split(":");
		if (parts.length != 2) {
			throw new IllegalArgumentException("handicap '" + spec + "' is not contender:micros, e.g. platform-2:10");
		}
		try {
			return new Handicap(Contender.of(parts[0].trim()), Integer.parseInt(parts[1].trim()));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("handicap '" + spec + "': '" + parts[1] + "' is not whole microseconds");
		}
	}

}
