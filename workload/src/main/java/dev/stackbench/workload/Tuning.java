package dev.stackbench.workload;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The knobs that decide a run's outcome, as the running server reports them: logged once
 * at start-up and published on {@code /actuator/info}, so every measurement can be traced
 * to the configuration that produced it.
 *
 * @param stack the web stack: {@code servlet} or {@code reactive}, as in the
 * {@code X-Stack} header
 * @param model the serving model, by the one name the comparison, its report, the Spring
 * profiles and the metrics' {@code model} label use: {@code platform}, {@code virtual},
 * {@code single-thread}, {@code reactive} or {@code single-loop}
 * @param knobs knob name to effective value, in a stable order
 */
public record Tuning(String stack, String model, Map<String, Object> knobs) {

	public String logLine() {
		return "stackbench tuning: stack=" + this.stack + " model=" + this.model + " "
				+ this.knobs.entrySet()
					.stream()
					.map((knob) -> knob.getKey() + "=" + knob.getValue())
					.collect(Collectors.joining(" "));
	}

}
