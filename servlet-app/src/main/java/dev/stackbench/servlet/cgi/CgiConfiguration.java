package dev.stackbench.servlet.cgi;

import java.nio.file.Path;
import java.time.Duration;

import dev.stackbench.workload.cgi.CgiGateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class CgiConfiguration {

	@Bean
	CgiGateway cgiGateway(@Value("${" + CgiGateway.DIRECTORY_PROPERTY + "}") String directory,
			@Value("${" + CgiGateway.TIMEOUT_PROPERTY + "}") Duration timeout,
			@Value("${" + CgiGateway.MAX_OUTPUT_PROPERTY + "}") DataSize maxOutput,
			@Value("${" + CgiGateway.MAX_PROCESSES_PROPERTY + "}") int maxProcesses,
			@Value("${" + CgiGateway.START_THREADS_PROPERTY + ":#{null}}") Integer startThreads) {
		return new CgiGateway(Path.of(directory), timeout, maxOutput.toBytes(), maxProcesses, startThreads);
	}

}
