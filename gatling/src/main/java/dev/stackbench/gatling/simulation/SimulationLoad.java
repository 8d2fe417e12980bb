package dev.stackbench.gatling.simulation;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A simulation's load: a record nested in the simulation ({@code Load}), with its
 * defaults written once beside it ({@code DEFAULTS}), that arrives whole as one system
 * property, {@value #PROPERTY}, in JSON. The JSON names only what differs from the
 * defaults; a system property named after a component ({@code -Drate=300}) overrides it
 * in turn, as a human types it. The same record is the comparison's description of a
 * run's load, so the comparison and {@code ./mvnw -Psimulate} speak the same names.
 * <p>
 * A component is an {@code int}, a {@code double}, a {@code String}, or a
 * {@code List<Integer>} or {@code List<String>}; as text (a system property, a
 * {@code -Dset} override, a report's parameter table) a list is written comma-separated.
 */
public final class SimulationLoad {

	/** The system property a simulation's whole load arrives in, as JSON. */
	public static final String PROPERTY = "load";

	/**
	 * The system property that says the app is a bare Spring Boot app (true), which
	 * answers without the stackbench apps' stack header.
	 */
	public static final String BARE_APP = "bareApp";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
		.build();

	/**
	 * The load each thread read last, for {@link Parameters#print}: a simulation reads
	 * its load and prints it while Gatling constructs it, on one thread.
	 */
	private static final ThreadLocal<Record> LAST_READ = new ThreadLocal<>();

	private SimulationLoad() {
	}

	/**
	 * The load a simulation applies: {@code defaults}, with the JSON of system property
	 * {@value #PROPERTY} merged over them when it is set; else every system property
	 * named after a component ({@code -Drate=300 -Ddelay=1000}), as a person types them
	 * for {@code ./mvnw -Psimulate}. Not both: the comparison runs simulations in its own
	 * JVM and passes the whole load, which a stray {@code -Drate} there must not change.
	 * Remembered for {@link Parameters#print}.
	 */
	public static <R extends Record> R read(Class<R> type, R defaults) {
		String json = System.getProperty(PROPERTY);
		R load = (json != null && !json.isBlank())
				? fromJson(isJson(json) ? json : undoForkEscaping(json), type, defaults) : byName(type, defaults);
		LAST_READ.set(load);
		return load;
	}

	private static <R extends Record> R byName(Class<R> type, R defaults) {
		Map<String, String> named = new LinkedHashMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			String value = System.getProperty(component.getName());
			if (value != null) {
				named.put(component.getName(), value);
			}
		}
		return withOverrides(defaults, named);
	}

	/**
	 * A system property's value as it was given to the Gatling Maven plugin, which passes
	 * each one on to the JVM it forks ({@code ./mvnw -Psimulate}) escaped as in a Java
	 * string literal ({@code {\"rate\":300}}, measured with plugin 4.21), and which that
	 * JVM reads as it is.
	 */
	static String undoForkEscaping(String text) {
		StringBuilder unescaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c != '\\' || i + 1 == text.length()) {
				unescaped.append(c);
				continue;
			}
			char escaped = text.charAt(++i);
			switch (escaped) {
				case 'b' -> unescaped.append('\b');
				case 't' -> unescaped.append('\t');
				case 'n' -> unescaped.append('\n');
				case 'f' -> unescaped.append('\f');
				case 'r' -> unescaped.append('\r');
				case 'u' -> {
					if (i + 4 < text.length() && text.substring(i + 1, i + 5).matches("\\p{XDigit}{4}")) {
						unescaped.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
						i += 4;
					}
					else {
						unescaped.append("\\u");
					}
				}
				default -> unescaped.append(escaped);
			}
		}
		return unescaped.toString();
	}

	private static boolean isJson(String text) {
		try {
			JSON.readTree(text);
			return true;
		}
		catch (JacksonException ex) {
			return false;
		}
	}

	/** The load the current thread read last, or null. */
	static Record lastRead() {
		return LAST_READ.get();
	}

	/** A load as a JSON object, one member per component, in component order. */
	public static String toJson(Record load) {
		Map<String, Object> members = new LinkedHashMap<>();
		for (RecordComponent component : load.getClass().getRecordComponents()) {
			members.put(component.getName(), value(load, component));
		}
		return JSON.writeValueAsString(members);
	}

	/**
	 * A load read from a JSON object merged over {@code defaults}: a component the object
	 * does not name keeps the default's value, so that a preset or a human names only
	 * what differs. A member may also be written as its text form
	 * ({@code "users": "1,8,64"}).
	 * @throws IllegalArgumentException for text that is not a JSON object, a member that
	 * names no component, a value of the wrong type or null, or a load the record's
	 * constructor refuses
	 */
	public static <R extends Record> R fromJson(String json, Class<R> type, R defaults) {
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"load " + json + " of " + name(type) + " is not JSON: " + ex.getOriginalMessage(), ex);
		}
		if (tree == null || !tree.isObject()) {
			throw new IllegalArgumentException("load " + json + " of " + name(type)
					+ " is not a JSON object of its parameters, such as {\"" + names(type).getFirst() + "\": ...}");
		}
		refuseUnknown(type, tree.propertyNames());
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = values(defaults);
		for (int i = 0; i < components.length; i++) {
			JsonNode member = tree.get(components[i].getName());
			if (member != null) {
				values[i] = valueOf(components[i], member);
			}
		}
		return construct(type, values);
	}

	/**
	 * The same load with some components replaced, each given by name as text: an int, a
	 * decimal, a text, or a comma-separated list of whole numbers or of texts.
	 * @throws IllegalArgumentException for a name that is no component (the message lists
	 * the record's names), a value of the wrong type (the message names the parameter),
	 * or a load the record's constructor refuses (its message)
	 */
	public static <R extends Record> R withOverrides(R load, Map<String, String> overrides) {
		@SuppressWarnings("unchecked")
		Class<R> type = (Class<R>) load.getClass();
		refuseUnknown(type, overrides.keySet());
		if (overrides.isEmpty()) {
			return load;
		}
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = values(load);
		for (int i = 0; i < components.length; i++) {
			String override = overrides.get(components[i].getName());
			if (override != null) {
				values[i] = parse(components[i], override.trim());
			}
		}
		return construct(type, values);
	}

	/**
	 * Every component as text, in component order: lists comma-joined, whole decimals
	 * without {@code .0}. What a report's parameter table shows, and what
	 * {@link #withOverrides} reads back.
	 */
	public static Map<String, String> asText(Record load) {
		Map<String, String> text = new LinkedHashMap<>();
		for (RecordComponent component : load.getClass().getRecordComponents()) {
			text.put(component.getName(), text(value(load, component)));
		}
		return text;
	}

	private static Object valueOf(RecordComponent component, JsonNode member) {
		if (member.isNull()) {
			throw new IllegalArgumentException(
					"parameter " + component.getName() + " is null; leave it out to keep the default");
		}
		if (member.isString() && component.getType() != String.class) {
			return parse(component, member.stringValue().trim());
		}
		try {
			return JSON.treeToValue(member, JSON.constructType(component.getGenericType()));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException(
					"parameter " + component.getName() + "=" + member + " is not a " + typeName(component), ex);
		}
	}

	private static Object parse(RecordComponent component, String text) {
		Class<?> type = component.getType();
		try {
			if (type == int.class) {
				return Integer.parseInt(text);
			}
			if (type == double.class) {
				return Double.parseDouble(text);
			}
			if (type == String.class) {
				return text;
			}
			if (type == boolean.class) {
				if (!text.equals("true") && !text.equals("false")) {
					throw new IllegalArgumentException(
							"parameter " + component.getName() + "=" + text + " is not true or false");
				}
				return Boolean.parseBoolean(text);
			}
			if (type == List.class && elementType(component) == Integer.class) {
				return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
			}
			if (type == List.class && elementType(component) == String.class) {
				return Arrays.stream(text.split(",")).map(String::trim).toList();
			}
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"parameter " + component.getName() + "=" + text + " is not a " + typeName(component), ex);
		}
		throw new IllegalStateException("no text form for " + component.getGenericType());
	}

	private static String typeName(RecordComponent component) {
		if (component.getType() != List.class) {
			return component.getType().getSimpleName();
		}
		return (elementType(component) == Integer.class) ? "comma-separated list of whole numbers"
				: "comma-separated list of texts";
	}

	private static Type elementType(RecordComponent component) {
		return ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
	}

	private static void refuseUnknown(Class<? extends Record> type, Collection<String> given) {
		List<String> names = names(type);
		Set<String> unknown = new TreeSet<>(given);
		names.forEach(unknown::remove);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException(
					"unknown parameter " + unknown + " of " + name(type) + "; it has " + names);
		}
	}

	private static List<String> names(Class<? extends Record> type) {
		return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
	}

	/** A load record's name as a reader knows it: {@code ThroughputSimulation.Load}. */
	private static String name(Class<?> type) {
		Class<?> enclosing = type.getEnclosingClass();
		return (enclosing != null) ? enclosing.getSimpleName() + "." + type.getSimpleName() : type.getSimpleName();
	}

	private static <R extends Record> R construct(Class<R> type, Object[] values) {
		Class<?>[] types = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		try {
			Constructor<R> canonical = type.getDeclaredConstructor(types);
			canonical.setAccessible(true);
			return canonical.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			Throwable refusal = ex.getCause();
			throw new IllegalArgumentException(Objects.requireNonNullElse(refusal.getMessage(),
					name(type) + " refused its parameters: " + refusal), refusal);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object[] values(Record record) {
		return Arrays.stream(record.getClass().getRecordComponents())
			.map((component) -> value(record, component))
			.toArray();
	}

	private static Object value(Record record, RecordComponent component) {
		try {
			component.getAccessor().setAccessible(true);
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
			return String.valueOf(number.longValue());
		}
		return String.valueOf(value);
	}

}
