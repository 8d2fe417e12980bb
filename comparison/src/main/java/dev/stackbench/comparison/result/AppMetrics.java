package dev.stackbench.comparison.result;

/**
 * What the app's own metrics said while one scenario ran, sampled every second from its
 * management port. Values that a stack does not have (busy request threads on an event
 * loop) are -1.
 *
 * @param cpuSeconds CPU the app's process used during the scenario
 * @param maxLiveThreads most JVM threads alive at once
 * @param peakThreads the JVM's peak thread count since start
 * @param maxBusyRequestThreads most Tomcat request threads busy at once
 * @param maxConnections most open HTTP connections at once
 * @param maxHeapMegabytes most heap in use
 * @param gcPauses garbage-collection pauses during the scenario
 * @param gcPauseSeconds time spent in those pauses
 * @param heapAfterGcAtStartMegabytes the lowest heap in use during the first fifth of the
 * scenario: the floor of the heap's sawtooth, what garbage collection leaves behind
 * @param heapAfterGcAtEndMegabytes the same during the last fifth; growth from start to
 * end is memory kept
 * @param meanInFlight the mean of the app's in-flight request gauge over the scrapes: its
 * own side of Little's law
 * @param samples how many scrapes answered
 */
public record AppMetrics(double cpuSeconds, int maxLiveThreads, int peakThreads, int maxBusyRequestThreads,
		int maxConnections, double maxHeapMegabytes, long gcPauses, double gcPauseSeconds,
		double heapAfterGcAtStartMegabytes, double heapAfterGcAtEndMegabytes, double meanInFlight, int samples) {

	public static final AppMetrics NONE = new AppMetrics(0, -1, -1, -1, -1, -1, 0, 0, -1, -1, -1, 0);

}
