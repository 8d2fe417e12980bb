package dev.stackbench.comparison.run;

import java.util.List;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ratios of two apps' CPU in each half second of a paired window: the first and last
 * slices and those without load are left out.
 */
class CpuSlicesTests {

	private static final long MS = 1_000_000;

	@Test
	void eachLoadedInnerSliceIsTheAppsCpuOverTheBareApps() {
		List<long[]> slices = List.of(slice(40, 10), slice(2, 2), slice(100, 100), slice(110, 100), slice(90, 100),
				slice(300, 100), slice(60, 50), slice(5, 5));
		// The first (load starting) and last (ending) slices, and the one of the load
		// generator still starting (2 ms each), are left out.
		assertThat(CpuSlices.ratios(slices)).containsExactly(1.0, 1.1, 0.9, 3.0, 1.2);
	}

	@Test
	void aWindowTooShortForSlicesHasNone() {
		assertThat(CpuSlices.ratios(List.of(slice(100, 100), slice(100, 100)))).isEmpty();
		assertThat(CpuSlices.ratios(List.of(slice(100, 100), slice(120, 100), slice(100, 100))).getFirst())
			.isCloseTo(1.2, Offset.offset(1e-9));
	}

	@Test
	void aSliceInWhichOneAppSpentNothingHasNoRatio() {
		assertThat(CpuSlices.ratios(List.of(slice(1, 1), slice(100, 0), slice(100, 100), slice(1, 1))))
			.containsExactly(1.0);
	}

	private static long[] slice(long appMillis, long bareMillis) {
		return new long[] { appMillis * MS, bareMillis * MS };
	}

}
