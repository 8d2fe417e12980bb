package dev.stackbench.servlet;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The stackbench contract on Spring MVC over Tomcat NIO. Profiles choose the request
 * threads: {@code platform} (default, a bounded pool), {@code virtual} (a virtual thread
 * per request) or {@code single-thread} (the sequential server).
 */
@SpringBootApplication
public class ServletApplication {

	public static void main(String[] args) {
		SpringApplication.run(ServletApplication.class, args);
	}

}
