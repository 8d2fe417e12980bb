package dev.stackbench.comparison.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.result.Environment;

/** Reads the machine and software a comparison runs on, for its report. */
final class Machine {

	private Machine() {
	}

	static Environment describe(Map<String, String> versions, CpuSplit cpus, boolean remote, AppJvm jvm) {
		long memory = (ManagementFactory
			.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
					? os.getTotalMemorySize() / (1024 * 1024) : -1;
		return new Environment(System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
				cpus.cores(), memory, operatingSystem(), versions, remote ? List.of() : jvm.described(),
				remote ? "remote: the apps' own machines" : cpus.describe(), cpus.appCores(), cpus.loadGeneratorCores(),
				remote ? "remote" : "local");
	}

	/** CPU time this JVM (Gatling, in it) has used so far, in nanoseconds. */
	static long loadGeneratorCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String operatingSystem() {
		String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch");
		try {
			return Files.readAllLines(Path.of("/etc/os-release"))
				.stream()
				.filter((line) -> line.startsWith("PRETTY_NAME="))
				.map((line) -> line.substring("PRETTY_NAME=".length()).replace("\"", "") + ", " + kernel)
				.findFirst()
				.orElse(kernel);
		}
		catch (IOException ex) {
			return kernel;
		}
	}

}
