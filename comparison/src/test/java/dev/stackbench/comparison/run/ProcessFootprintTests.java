package dev.stackbench.comparison.run;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessFootprintTests {

	@Test
	void readsResidentMemoryAndThreadsFromProcStatus() {
		Map<String, String> status = ProcessFootprint
			.status("Name:\tjava\nVmRSS:\t  412345 kB\nThreads:\t57\nVmHWM:\t500000 kB\n");
		assertThat(ProcessFootprint.kibibytes(status.get("VmRSS"))).isEqualTo(412_345);
		assertThat(status.get("Threads")).isEqualTo("57");
	}

	@Test
	void readsTheSoftOpenFilesLimit() {
		String limits = """
				Limit                     Soft Limit           Hard Limit           Units
				Max processes             unlimited            unlimited            processes
				Max open files            20000                65536                files
				Max locked memory         8388608              8388608              bytes
				""";
		assertThat(ProcessFootprint.openFilesLimit(limits)).isEqualTo(20_000);
		assertThat(ProcessFootprint.openFilesLimit("Max open files  unlimited  unlimited  files\n"))
			.isEqualTo(Long.MAX_VALUE);
		assertThat(ProcessFootprint.openFilesLimit(ProcessHandle.current().pid())).as("this JVM's own").isPositive();
	}

}
