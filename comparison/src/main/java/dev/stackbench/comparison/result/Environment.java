package dev.stackbench.comparison.result;

import java.util.List;
import java.util.Map;

/**
 * The machine and software a comparison ran on: without it, its numbers cannot be
 * compared with anyone else's.
 *
 * @param jdk the JDK that ran the apps and the load generator
 * @param cores the cores the JVM sees
 * @param memoryMegabytes physical memory
 * @param os the operating system
 * @param versions Spring Boot, Gatling and stackbench versions
 * @param jvmOptions the options every app JVM was started with
 * @param cpuSplit how the cores were shared between the app and the load generator
 * @param appCores the cores the app ran on
 * @param loadGeneratorCores the cores the load generator ran on
 * @param mode {@code local} (apps started here) or {@code remote} (apps already running
 * elsewhere)
 */
public record Environment(String jdk, int cores, long memoryMegabytes, String os, Map<String, String> versions,
		List<String> jvmOptions, String cpuSplit, int appCores, int loadGeneratorCores, String mode) {

}
