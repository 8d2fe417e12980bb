package dev.stackbench.reactive.cgi;

import java.nio.file.Path;
import java.time.Duration;

import dev.stackbench.workload.cgi.CgiGateway;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class CgiConfiguration {

	static final String THREADS_PROPERTY = "stackbench.reactive.cgi-threads";

	@Bean
	CgiGateway cgiGateway(@Value("${" + CgiGateway.DIRECTORY_PROPERTY + "}") String directory,
			@Value("${" + CgiGateway.TIMEOUT_PROPERTY + "}") Duration timeout,
			@Value("${" + CgiGateway.MAX_OUTPUT_PROPERTY + "}") DataSize maxOutput,
			@Value("${" + CgiGateway.MAX_PROCESSES_PROPERTY + "}") int maxProcesses) {
		return new CgiGateway(Path.of(directory), timeout, maxOutput.toBytes(), maxProcesses);
	}

	/**
	 * The threads that start CGI programs: starting a process is a fork and exec, system calls that block, so never
	 * on an event loop. A program that has started holds none of them; they are created when needed and dropped
	 * after a minute idle.
	 */
	@Bean(destroyMethod = "dispose")
	Scheduler cgiScheduler(@Value("${" + THREADS_PROPERTY + "}") int threads) {
		return Schedulers.newBoundedElastic(threads, Integer.MAX_VALUE, "cgi");
	}

}
