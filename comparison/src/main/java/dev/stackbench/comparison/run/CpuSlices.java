package dev.stackbench.comparison.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.stackbench.comparison.result.Spread;

/**
 * Two apps' CPU, read thread by thread every {@link #SLICE_MILLIS} while one paired
 * window loads both at the same fixed rate: each slice's ratio, the first app's CPU over
 * the second's in the same half second, needs no request count, since both met the same
 * arrivals at the same moments.
 * <p>
 * Why slices: this machine's hypervisor reports no steal time, so the time it takes the
 * core away is charged to whichever process was running, in lumps. Measured in an A/A run
 * (two bare apps against each other, 3 s windows), whole windows read from 0.83 to 1.32;
 * half-second slices of the same windows mostly 0.9 to 1.1, with lumps at 0.7, 1.6 and
 * 2.1 that a median of the slices leaves aside and a window's total cannot.
 */
final class CpuSlices implements AutoCloseable {

	static final long SLICE_MILLIS = 500;

	private final long appPid;

	private final long barePid;

	private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "stackbench-cpu-slices");
		thread.setDaemon(true);
		return thread;
	});

	/** Each slice's CPU, app and bare, in nanoseconds; guarded by this. */
	private final List<long[]> slices = new ArrayList<>();

	private Map<Long, AppCounters.ThreadCpu> appThreads;

	private Map<Long, AppCounters.ThreadCpu> bareThreads;

	private CpuSlices(long appPid, long barePid) throws IOException {
		this.appPid = appPid;
		this.barePid = barePid;
		this.appThreads = AppCounters.threads(appPid);
		this.bareThreads = AppCounters.threads(barePid);
	}

	static CpuSlices start(long appPid, long barePid) throws IOException {
		CpuSlices slices = new CpuSlices(appPid, barePid);
		slices.reader.scheduleAtFixedRate(slices::read, SLICE_MILLIS, SLICE_MILLIS, TimeUnit.MILLISECONDS);
		return slices;
	}

	private void read() {
		try {
			Map<Long, AppCounters.ThreadCpu> app = AppCounters.threads(this.appPid);
			Map<Long, AppCounters.ThreadCpu> bare = AppCounters.threads(this.barePid);
			// The JIT's compiling is left out, as the windows leave it out.
			long appNanos = AppCounters.nanosBetween(this.appThreads, app, (thread) -> !thread.compiler());
			long bareNanos = AppCounters.nanosBetween(this.bareThreads, bare, (thread) -> !thread.compiler());
			this.appThreads = app;
			this.bareThreads = bare;
			synchronized (this) {
				this.slices.add(new long[] { appNanos, bareNanos });
			}
		}
		catch (IOException ex) {
			// A process that has ended: the window itself reports it.
		}
	}

	/** Stops reading. */
	@Override
	public void close() {
		this.reader.shutdownNow();
	}

	/**
	 * Each loaded slice's ratio, app over bare, in order: the first and the last slice
	 * are left out, since the load starts and ends within them, and so is any slice in
	 * which either app spent under a quarter of its median slice (the load generator
	 * still starting, say).
	 */
	synchronized List<Double> ratios() {
		return ratios(this.slices);
	}

	static List<Double> ratios(List<long[]> slices) {
		if (slices.size() < 3) {
			return List.of();
		}
		List<long[]> inner = slices.subList(1, slices.size() - 1);
		double appLeast = median(inner, 0) / 4;
		double bareLeast = median(inner, 1) / 4;
		return inner.stream()
			.filter((slice) -> slice[0] > 0 && slice[1] > 0 && slice[0] >= appLeast && slice[1] >= bareLeast)
			.map((slice) -> (double) slice[0] / slice[1])
			.toList();
	}

	/**
	 * The median of one app's CPU over the slices: column 0 the app's, 1 the bare app's.
	 */
	private static double median(List<long[]> slices, int column) {
		return Spread.of(slices.stream().map((slice) -> (double) slice[column]).toList()).median();
	}

}
