package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class AppCountersTests {

	@Test
	void theCompilersSpendingIsCountedThreadByThreadSoThatAThreadEndingOrStartingDoesNotCountAsSpending() {
		// Thread 11 spent 0.3 s, thread 12 ended (2 s of history gone from the sum),
		// thread
		// 13 started and spent 0.1 s: 0.4 s, where the sums would say -1.6 s.
		Map<Long, Long> opening = Map.of(11L, 5_000_000_000L, 12L, 2_000_000_000L);
		Map<Long, Long> closing = Map.of(11L, 5_300_000_000L, 13L, 100_000_000L);
		assertThat(AppCounters.compilerNanosBetween(opening, closing)).isEqualTo(400_000_000L);
	}

	@Test
	void thisJvmsCompilerThreadsAreFoundByTheirNames() throws Exception {
		Map<Long, Long> threads = AppCounters.compilerThreads(ProcessHandle.current().pid());
		assertThat(threads).isNotEmpty();
		assertThat(threads.values()).allMatch((nanos) -> nanos >= 0);
	}

}
