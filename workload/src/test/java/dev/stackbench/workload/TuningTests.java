package dev.stackbench.workload;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TuningTests {

	@Test
	void logLineListsEveryKnobInOrder() {
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("threads.max", 200);
		knobs.put("virtual-threads", false);
		assertThat(new Tuning("servlet", "platform", knobs).logLine())
			.isEqualTo("stackbench tuning: stack=servlet model=platform threads.max=200 virtual-threads=false");
	}

}
