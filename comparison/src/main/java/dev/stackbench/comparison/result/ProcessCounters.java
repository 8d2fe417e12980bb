package dev.stackbench.comparison.result;

/**
 * An app process's cumulative counters at one instant: what it has spent since it
 * started. Two readings around a window give what the window cost.
 *
 * @param cpuNanos the process's CPU time, user and system, every thread's (Linux's
 * {@code /proc/<pid>/stat}, the same for any process, a bare JVM's too)
 * @param allocatedBytes bytes the JVM's threads have allocated on the heap, exactly (the
 * JVM's total thread-allocated bytes, not a meter that moves only at collections), or -1
 * where the JVM could not be asked
 * @param gcMillis time the garbage collectors report having spent, or -1
 * @param gcCount collections so far, or -1
 * @param compilerCpuNanos the part of {@code cpuNanos} spent by the JIT's compiler
 * threads, counted alike in the two readings around a window ({@code /proc}'s per-thread
 * times); 0 in results recorded before it was read
 */
public record ProcessCounters(long cpuNanos, long allocatedBytes, long gcMillis, long gcCount, long compilerCpuNanos) {

	/** Counters of a process that could not be read here. */
	public static final ProcessCounters UNREAD = new ProcessCounters(-1, -1, -1, -1, -1);

	/**
	 * CPU spent on anything but the JIT's compiling (a request's cost, once these are the
	 * two readings' difference).
	 */
	public long cpuNanosBesidesCompiling() {
		return this.cpuNanos - Math.max(0, this.compilerCpuNanos);
	}

	/** What was spent between {@code earlier} and this reading. */
	public ProcessCounters since(ProcessCounters earlier) {
		return new ProcessCounters(this.cpuNanos - earlier.cpuNanos,
				difference(this.allocatedBytes, earlier.allocatedBytes), difference(this.gcMillis, earlier.gcMillis),
				difference(this.gcCount, earlier.gcCount), difference(this.compilerCpuNanos, earlier.compilerCpuNanos));
	}

	private static long difference(long later, long earlier) {
		return (later < 0 || earlier < 0) ? -1 : later - earlier;
	}

}
