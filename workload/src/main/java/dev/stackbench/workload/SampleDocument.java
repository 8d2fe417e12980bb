package dev.stackbench.workload;

import java.util.List;

/**
 * {@code GET /api/json}: a small fixed document, so that a run includes JSON
 * serialization but no I/O.
 */
public record SampleDocument(String project, String question, List<String> stacks, int version) {

	public static final SampleDocument INSTANCE = new SampleDocument("stackbench",
			"Spring MVC on Tomcat or WebFlux on Reactor Netty?", List.of("servlet", "reactive"), 1);

}
