package dev.stackbench.comparison.result;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonValue;

/** A serving model the comparison runs: which app, in which Spring profile. */
public enum ServingModel {

	PLATFORM("platform", "servlet-app", "default", "Spring MVC on Tomcat, platform threads", "#1f77b4"),

	VIRTUAL("virtual", "servlet-app", "virtual", "Spring MVC on Tomcat, virtual threads", "#2ca02c"),

	REACTIVE("reactive", "reactive-app", "default", "WebFlux on Reactor Netty, event loops", "#d62728"),

	SINGLE_THREAD("single-thread", "servlet-app", "single-thread", "Spring MVC on Tomcat, one request thread",
			"#9467bd"),

	SINGLE_LOOP("single-loop", "reactive-app", "single-loop", "WebFlux on Reactor Netty, one event loop", "#ff7f0e");

	/**
	 * What a comparison runs unless told otherwise: the three models a team actually
	 * chooses between.
	 */
	public static final List<ServingModel> DEFAULT = List.of(PLATFORM, VIRTUAL, REACTIVE);

	private final String id;

	private final String app;

	private final String profile;

	private final String title;

	private final String color;

	ServingModel(String id, String app, String profile, String title, String color) {
		this.id = id;
		this.app = app;
		this.profile = profile;
		this.title = title;
		this.color = color;
	}

	@JsonValue
	public String id() {
		return this.id;
	}

	/** The Maven module, and the jar's name. */
	public String app() {
		return this.app;
	}

	/**
	 * The Maven module and jar of its stack's bare Spring Boot app: one controller for
	 * the plain and the JSON page, nothing of stackbench's, started with this model's
	 * profile.
	 */
	public String bareApp() {
		return "bare-" + this.app;
	}

	public String profile() {
		return this.profile;
	}

	public String title() {
		return this.title;
	}

	/** The stack's colour in every chart of the report. */
	public String color() {
		return this.color;
	}

	public static ServingModel of(String id) {
		return Arrays.stream(values())
			.filter((stack) -> stack.id.equals(id.trim()))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown serving model '" + id + "'; choose from "
					+ Arrays.stream(values()).map(ServingModel::id).toList()));
	}

}
