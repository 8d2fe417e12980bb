package dev.stackbench.workload;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * A known cost planted in one contender of a comparison, so that the comparison can be
 * checked to find it: every request spends {@code cpuMicros} more CPU
 * ({@code stackbench.handicap.cpu-micros}; off unless set). Spent by the thread's own CPU
 * clock where the JVM has one for it, so that a thread the scheduler preempts still pays
 * in full; a virtual thread has none, and spends wall time instead.
 */
public final class Handicap {

	/** The property that plants it. */
	public static final String PROPERTY = "stackbench.handicap.cpu-micros";

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	private Handicap() {
	}

	/** Spends {@code micros} of the current thread's CPU. */
	public static void spend(long micros) {
		long nanos = micros * 1_000;
		long cpuStart = THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : -1;
		if (cpuStart < 0) {
			long start = System.nanoTime();
			while (System.nanoTime() - start < nanos) {
				Thread.onSpinWait();
			}
			return;
		}
		while (THREADS.getCurrentThreadCpuTime() - cpuStart < nanos) {
			Thread.onSpinWait();
		}
	}

}
