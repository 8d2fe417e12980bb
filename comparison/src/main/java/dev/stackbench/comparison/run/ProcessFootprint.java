package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.stackbench.comparison.result.IdleFootprint;

/**
 * What a local app's process holds now, after a full garbage collection: resident memory
 * and threads from {@code /proc}, the heap from the app's own metrics.
 */
final class ProcessFootprint {

	private static final Duration JCMD_TIMEOUT = Duration.ofSeconds(30);

	private ProcessFootprint() {
	}

	static IdleFootprint.Usage read(long pid, URI prometheus) throws IOException {
		collectGarbage(pid);
		Map<String, String> status = status(Files.readString(Path.of("/proc", String.valueOf(pid), "status")));
		double heapBytes = MetricsSampler.scrapeOnce(prometheus)
			.map((scrape) -> scrape.sum("jvm_memory_used_bytes", "area=\"heap\"").orElse(-1))
			.orElse(-1.0);
		return new IdleFootprint.Usage(kibibytes(status.get("VmRSS")) / 1024.0,
				(heapBytes < 0) ? -1 : heapBytes / (1024 * 1024), Integer.parseInt(status.get("Threads").trim()));
	}

	/**
	 * {@code jcmd <pid> GC.run}: a full collection in the app, so that what is left is
	 * what it keeps. The JDK's own tool, next to the java this runs on.
	 */
	private static void collectGarbage(long pid) throws IOException {
		Path jcmd = Path.of(AppJvm.java()).resolveSibling("jcmd");
		Process process = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(JCMD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	/** The fields of {@code /proc/<pid>/status}, by name. */
	static Map<String, String> status(String text) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				fields.put(line.substring(0, colon), line.substring(colon + 1).trim());
			}
		}
		return fields;
	}

	/** {@code 123456 kB}, in KiB. */
	static double kibibytes(String value) {
		return Double.parseDouble(value.replace("kB", "").trim());
	}

	/**
	 * The soft limit on open files of a process, from {@code /proc/<pid>/limits}; -1 when
	 * it cannot be read.
	 */
	static long openFilesLimit(long pid) {
		try {
			return openFilesLimit(Files.readString(Path.of("/proc", String.valueOf(pid), "limits")));
		}
		catch (IOException ex) {
			return -1;
		}
	}

	/** {@code Max open files  20000  20000  files}: its soft limit. */
	static long openFilesLimit(String limits) {
		for (String line : limits.split("\n")) {
			if (line.startsWith("Max open files")) {
				String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
				return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
			}
		}
		return -1;
	}

}
