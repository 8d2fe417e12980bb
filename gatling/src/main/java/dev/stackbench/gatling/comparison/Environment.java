package dev.stackbench.gatling.comparison;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine and software a comparison ran on: without it, its numbers cannot be compared with anyone else's.
 *
 * @param jdk the JDK that ran the apps and the load generator
 * @param cores the cores the JVM sees
 * @param memoryMegabytes physical memory
 * @param os the operating system
 * @param versions Spring Boot, Gatling and stackbench versions
 * @param jvmOptions the options every app JVM was started with
 * @param cpuSplit how the cores were shared between the app and the load generator
 * @param mode {@code local} (apps started here) or {@code remote} (apps already running elsewhere)
 */
public record Environment(String jdk, int cores, long memoryMegabytes, String os, Map<String, String> versions,
		List<String> jvmOptions, String cpuSplit, String mode) {

	static Environment describe(Map<String, String> versions, CpuSplit cpus, boolean remote) {
		long memory = (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)
				? os.getTotalMemorySize() / (1024 * 1024) : -1;
		return new Environment(
				System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"),
				cpus.cores(), memory, operatingSystem(), versions,
				remote ? List.of() : AppProcess.JVM_OPTIONS, remote ? "remote: the apps' own machines" : cpus.describe(),
				remote ? "remote" : "local");
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
