package dev.stackbench.comparison.result;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A record's components as text properties and back, by the record's own description of
 * itself: one place that knows how an int, a decimal, a text or a list of whole numbers
 * is written on a command line.
 */
final class RecordProperties {

	private RecordProperties() {
	}

	static Map<String, String> of(Record record) {
		Map<String, String> properties = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			properties.put(component.getName(), text(value(record, component)));
		}
		return properties;
	}

	static Record with(Record record, Map<String, String> overrides) {
		RecordComponent[] components = record.getClass().getRecordComponents();
		List<String> names = Arrays.stream(components).map(RecordComponent::getName).toList();
		Map<String, String> unknown = new HashMap<>(overrides);
		names.forEach(unknown::remove);
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("unknown parameter " + unknown.keySet() + " of "
					+ record.getClass().getSimpleName() + "; it has " + names);
		}
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			RecordComponent component = components[i];
			types[i] = component.getType();
			String override = overrides.get(component.getName());
			values[i] = (override == null) ? value(record, component) : parse(component, override.trim());
		}
		try {
			Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
			return (Record) canonical.newInstance(values);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalArgumentException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
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
			if (type == List.class && elementType(component) == Integer.class) {
				return Arrays.stream(text.split(",")).map(String::trim).map(Integer::valueOf).toList();
			}
			if (type == List.class && elementType(component) == String.class) {
				return Arrays.stream(text.split(",")).map(String::trim).toList();
			}
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(
					"parameter " + component.getName() + "=" + text + " is not a "
							+ (type == List.class ? "comma-separated list of whole numbers" : type.getSimpleName()),
					ex);
		}
		throw new IllegalStateException("no text form for " + component.getGenericType());
	}

	private static Type elementType(RecordComponent component) {
		return ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
	}

	private static String text(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(String::valueOf).collect(Collectors.joining(","));
		}
		if (value instanceof Double number && number == Math.rint(number)) {
			return String.valueOf(number.longValue());
		}
		return String.valueOf(value);
	}

	private static Object value(Record record, RecordComponent component) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
