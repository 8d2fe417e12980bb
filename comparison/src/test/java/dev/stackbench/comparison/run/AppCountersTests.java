package dev.stackbench.comparison.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stackbench.comparison.result.ProcessCounters;

class AppCountersTests {

	@Test
	void aWindowsSpendingIsCountedThreadByThreadSoThatAThreadEndingOrStartingDoesNotCountAsSpending() {
		// Thread 11 spent 0.3 s, thread 12 ended (2 s of history gone from the sum),
		// thread 13 started and spent 0.1 s: 0.4 s, where the sums would say -1.6 s;
		// thread 14, not a compiler's, counts only towards every thread's.
		Map<Long, AppCounters.ThreadCpu> opening = Map.of(11L, compiler(5_000_000_000L), 12L, compiler(2_000_000_000L),
				14L, new AppCounters.ThreadCpu(1_000_000_000L, false));
		Map<Long, AppCounters.ThreadCpu> closing = Map.of(11L, compiler(5_300_000_000L), 13L, compiler(100_000_000L),
				14L, new AppCounters.ThreadCpu(1_250_000_000L, false));
		assertThat(AppCounters.nanosBetween(opening, closing, AppCounters.ThreadCpu::compiler)).isEqualTo(400_000_000L);
		assertThat(AppCounters.nanosBetween(opening, closing, (thread) -> true)).isEqualTo(650_000_000L);
	}

	@Test
	void thisJvmsCompilerThreadsAreFoundByTheirNames() throws Exception {
		Map<Long, AppCounters.ThreadCpu> threads = AppCounters.threads(ProcessHandle.current().pid());
		assertThat(threads.values()).anyMatch(AppCounters.ThreadCpu::compiler);
		assertThat(threads.values()).allMatch((thread) -> thread.nanos() >= 0);
	}

	/**
	 * A window's CPU comes in nanoseconds, not in the process's clock ticks of 10 ms: the
	 * work of one thread, read around it, is within a millisecond of what the JVM counts
	 * for that thread, where ticks would be off by up to 10 ms.
	 */
	@Test
	void aWindowsCpuIsReadToTheNanosecondNotInClockTicks() throws Exception {
		try (AppCounters counters = AppCounters.attach(ProcessHandle.current().pid())) {
			var bean = ManagementFactory.getThreadMXBean();
			ProcessCounters opening = counters.readOpening();
			long threadBefore = bean.getCurrentThreadCpuTime();
			long spin = 0;
			while (bean.getCurrentThreadCpuTime() - threadBefore < 25_000_000L) {
				spin++;
			}
			long spent = bean.getCurrentThreadCpuTime() - threadBefore;
			ProcessCounters closing = counters.readClosing();
			long window = closing.since(opening).cpuNanos();
			assertThat(spin).isPositive();
			assertThat(window % 10_000_000L).as("a multiple of a clock tick only by chance").isNotZero();
			assertThat(window).isGreaterThanOrEqualTo(spent);
		}
	}

	private static AppCounters.ThreadCpu compiler(long nanos) {
		return new AppCounters.ThreadCpu(nanos, true);
	}

}
