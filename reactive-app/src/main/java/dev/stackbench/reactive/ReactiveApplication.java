package dev.stackbench.reactive;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The stackbench contract on Spring WebFlux over Reactor Netty: a few event loops serve
 * every connection, and nothing on them blocks. The {@code single-loop} profile runs
 * everything on one event loop.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReactiveApplication {

	public static void main(String[] args) {
		SpringApplication.run(ReactiveApplication.class, args);
	}

}
