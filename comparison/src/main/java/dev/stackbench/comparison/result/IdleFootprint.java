package dev.stackbench.comparison.result;

/**
 * What an app held for the connections of an idle-connections run, measured on its
 * process (a local app only): before the first connection opened and while all of them
 * were open, each time right after a full garbage collection, so that the heap counts
 * what the connections keep and not garbage yet to be collected.
 *
 * @param stack the serving model
 * @param run which repetition this was, from 1
 * @param connections the idle connections the run opened
 * @param openAtPeak the most connections the server itself counted open meanwhile
 * @param before the process before the first connection
 * @param held the process with the connections open
 * @param appOpenFilesLimit the app's limit on open files (each connection is one), as the
 * comparison could raise it
 * @param loadGeneratorOpenFilesLimit the same for the load generator, which holds the
 * other end of every connection
 */
public record IdleFootprint(Contender stack, int run, int connections, int openAtPeak, Usage before, Usage held,
		long appOpenFilesLimit, long loadGeneratorOpenFilesLimit) {

	/** Resident memory per idle connection, in KiB: the RSS it added, over the count. */
	public double rssKibPerConnection() {
		return (this.held.rssMegabytes() - this.before.rssMegabytes()) * 1024 / Math.max(1, this.connections);
	}

	/** Live heap per idle connection, in KiB. */
	public double heapKibPerConnection() {
		return (this.held.heapMegabytes() - this.before.heapMegabytes()) * 1024 / Math.max(1, this.connections);
	}

	/**
	 * A process's use at one moment.
	 *
	 * @param rssMegabytes resident memory ({@code VmRSS})
	 * @param heapMegabytes the heap in use
	 * @param threads its threads, the JVM's own included
	 */
	public record Usage(double rssMegabytes, double heapMegabytes, int threads) {
	}

}
