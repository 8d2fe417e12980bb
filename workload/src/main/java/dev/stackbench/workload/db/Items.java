package dev.stackbench.workload.db;

import java.util.regex.Pattern;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.ProblemType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * {@code POST /api/db/items} and {@code GET /api/db/items/{id}}: the write path, one row
 * inserted and one read back by its key, so that a pool under writes shows too. A new
 * item is {@code {"name": "...", "quantity": n}}, nothing else: the body is bounded as
 * {@code /api/echo}'s, then every field checked.
 */
public final class Items {

	public static final String INSERT_SQL = "INSERT INTO item (name, quantity) VALUES (:name, :quantity) RETURNING id";

	public static final String SELECT_SQL = "SELECT id, name, quantity FROM item WHERE id = :id";

	public static final int MAX_NAME_LENGTH = 100;

	public static final int MAX_QUANTITY = 1_000_000;

	private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

	private static final JsonFactory JSON_FACTORY = new JsonFactory();

	private Items() {
	}

	/**
	 * The item a body describes.
	 * @throws ProblemException (400) when it is not well-formed JSON, or not exactly an
	 * object of a name (1 to 100 characters, not blank) and a quantity (0 to 1,000,000)
	 */
	public static NewItem parse(byte[] body) {
		Echo.requireWellFormed(body);
		String name = null;
		Integer quantity = null;
		try (JsonParser parser = JSON_FACTORY.createParser(ObjectReadContext.empty(), body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw invalid("The body must be a JSON object with a name and a quantity");
			}
			for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				switch (field) {
					case "name" -> {
						if (name != null || value != JsonToken.VALUE_STRING) {
							throw invalidName();
						}
						name = parser.getString();
					}
					case "quantity" -> {
						if (quantity != null || value != JsonToken.VALUE_NUMBER_INT
								|| parser.getNumberType() != JsonParser.NumberType.INT) {
							throw invalidQuantity();
						}
						quantity = parser.getIntValue();
					}
					default ->
						throw invalid("Unknown field '" + shortened(field) + "': an item has a name and a quantity");
				}
			}
		}
		catch (JacksonException ex) {
			throw invalid("The body must be a JSON object with a name and a quantity");
		}
		if (name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH) {
			throw invalidName();
		}
		if (quantity == null || quantity < 0 || quantity > MAX_QUANTITY) {
			throw invalidQuantity();
		}
		return new NewItem(name, quantity);
	}

	/**
	 * The id in {@code /api/db/items/{id}}.
	 * @throws ProblemException (400 bad parameter) unless it is a whole number from 1
	 */
	public static long id(String segment) {
		if (!ID.matcher(segment).matches()) {
			throw new ProblemException(ProblemType.BAD_PARAMETER, "An item id is a whole number from 1");
		}
		return Long.parseLong(segment);
	}

	/** 404: no item has this id. */
	public static ProblemException notFound(long id) {
		return new ProblemException(ProblemType.NOT_FOUND, "No item has id " + id);
	}

	/** Where a stored item is read. */
	public static String location(long id) {
		return Api.DB_ITEMS + "/" + id;
	}

	private static ProblemException invalidName() {
		return invalid("'name' must be a string of 1 to " + MAX_NAME_LENGTH + " characters, not blank, given once");
	}

	private static ProblemException invalidQuantity() {
		return invalid("'quantity' must be a whole number from 0 to " + MAX_QUANTITY + ", given once");
	}

	private static ProblemException invalid(String detail) {
		return new ProblemException(ProblemType.INVALID_FIELD, detail);
	}

	private static String shortened(String field) {
		return (field.length() > 40) ? field.substring(0, 40) + "..." : field;
	}

	/** An item to insert. */
	public record NewItem(String name, int quantity) {
	}

	/** A stored item. */
	public record Item(long id, String name, int quantity) {
	}

}
