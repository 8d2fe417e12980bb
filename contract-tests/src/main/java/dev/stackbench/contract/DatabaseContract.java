package dev.stackbench.contract;

import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/db/*} against the real PostgreSQL the suite starts ({@link TestDatabase}):
 * the query that waits in the database, TechEmpower's fortunes, and the write path, each
 * answered with exactly the same bytes on every model, bad input included.
 */
interface DatabaseContract extends ContractContext {

	@Test
	default void aDatabaseQueryReturnsTheSeededRowsInOrder() {
		assertJsonAnswer("/api/db/query", "{\"delay\":10,\"rows\":[" + rows(10) + "]}");
		assertJsonAnswer("/api/db/query?rows=100&delay=0", "{\"delay\":0,\"rows\":[" + rows(100) + "]}");
	}

	@Test
	default void aDatabaseQueryWaitsInTheDatabase() {
		long start = System.nanoTime();
		assertJsonAnswer("/api/db/query?delay=400&rows=1", "{\"delay\":400,\"rows\":[" + rows(1) + "]}");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).as("pg_sleep(0.4)")
			.isBetween(Duration.ofMillis(400), Duration.ofMillis(3000));
	}

	@Test
	default void aDatabaseQueryOutOfBoundsIsABadParameter() {
		assertBadParameter("/api/db/query?rows=0", "Query parameter 'rows' must be a whole number from 1 to 100");
		assertBadParameter("/api/db/query?rows=101", "Query parameter 'rows' must be a whole number from 1 to 100");
		assertBadParameter("/api/db/query?delay=30001",
				"Query parameter 'delay' must be a whole number from 0 to 30000");
		assertBadParameter("/api/db/query?rows=1&rows=2", "Query parameter 'rows' must be given at most once");
	}

	@Test
	default void fortunesAreTechEmpowersPageSortedAndEscaped() {
		client().get()
			.uri("/api/db/fortunes")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/html;charset=UTF-8")
			.expectBody(String.class)
			.isEqualTo("<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table>"
					+ "<tr><th>id</th><th>message</th></tr>"
					+ "<tr><td>11</td><td>&lt;script&gt;alert(&quot;This should not be displayed in a browser alert "
					+ "box.&quot;);&lt;/script&gt;</td></tr>"
					+ "<tr><td>4</td><td>A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1</td></tr>"
					+ "<tr><td>5</td><td>A computer program does what you tell it to do, not what you want it to "
					+ "do.</td></tr>"
					+ "<tr><td>2</td><td>A computer scientist is someone who fixes things that aren&#39;t "
					+ "broken.</td></tr>"
					+ "<tr><td>8</td><td>A list is only as strong as its weakest link. — Donald Knuth</td></tr>"
					+ "<tr><td>0</td><td>Additional fortune added at request time.</td></tr>"
					+ "<tr><td>3</td><td>After enough decimal places, nobody gives a damn.</td></tr>"
					+ "<tr><td>7</td><td>Any program that runs right is obsolete.</td></tr>"
					+ "<tr><td>10</td><td>Computers make very fast, very accurate mistakes.</td></tr>"
					+ "<tr><td>6</td><td>Emacs is a nice operating system, but I prefer UNIX. — Tom "
					+ "Christaensen</td></tr>" + "<tr><td>9</td><td>Feature: A bug with seniority.</td></tr>"
					+ "<tr><td>1</td><td>fortune: No such file or directory</td></tr>"
					+ "<tr><td>12</td><td>フレームワークのベンチマーク</td></tr>" + "</table></body></html>");
	}

	@Test
	default void anItemIsStoredAndReadBack() {
		EntityExchangeResult<String> created = client().post()
			.uri("/api/db/items")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":\"chair — ü\",\"quantity\":3}")
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult();
		String location = created.getResponseHeaders().getLocation().toString();
		assertThat(location).matches("/api/db/items/[1-9][0-9]*");
		String id = location.substring(location.lastIndexOf('/') + 1);
		String item = "{\"id\":" + id + ",\"name\":\"chair — ü\",\"quantity\":3}";
		assertThat(created.getResponseBody()).isEqualTo(item);
		assertJsonAnswer(location, item);
	}

	@Test
	default void aMissingItemIsNotFoundAndABadIdABadParameter() {
		client().get()
			.uri("/api/db/items/999999999999")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody(String.class)
			.isEqualTo("{\"type\":\"urn:stackbench:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
					+ "\"detail\":\"No item has id 999999999999\"}");
		assertBadParameter("/api/db/items/0", "An item id is a whole number from 1");
		assertBadParameter("/api/db/items/abc", "An item id is a whole number from 1");
		assertBadParameter("/api/db/items/9999999999999999999999", "An item id is a whole number from 1");
	}

	@Test
	default void anInvalidItemIsRefusedWithTheFieldAtFault() {
		String name = "'name' must be a string of 1 to 100 characters, not blank, given once";
		String quantity = "'quantity' must be a whole number from 0 to 1000000, given once";
		assertInvalidItem("{\"quantity\":3}", name);
		assertInvalidItem("{\"name\":\"  \",\"quantity\":3}", name);
		assertInvalidItem("{\"name\":\"" + "x".repeat(101) + "\",\"quantity\":3}", name);
		assertInvalidItem("{\"name\":7,\"quantity\":3}", name);
		assertInvalidItem("{\"name\":\"a\",\"name\":\"b\",\"quantity\":3}", name);
		assertInvalidItem("{\"name\":\"chair\"}", quantity);
		assertInvalidItem("{\"name\":\"chair\",\"quantity\":-1}", quantity);
		assertInvalidItem("{\"name\":\"chair\",\"quantity\":1.5}", quantity);
		assertInvalidItem("{\"name\":\"chair\",\"quantity\":99999999999}", quantity);
		assertInvalidItem("{\"name\":\"chair\",\"quantity\":\"3\"}", quantity);
		assertInvalidItem("{\"name\":\"chair\",\"quantity\":3,\"price\":1}",
				"Unknown field 'price': an item has a name and a quantity");
		assertInvalidItem("[1,2]", "The body must be a JSON object with a name and a quantity");
		client().post()
			.uri("/api/db/items")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"name\":")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:stackbench:problem:malformed-json");
		client().post()
			.uri("/api/db/items")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("chair")
			.exchange()
			.expectStatus()
			.isEqualTo(415);
	}

	@Test
	default void theDatabaseIsAHealthComponent() {
		assertHealthUp("/actuator/health/db");
	}

	private void assertBadParameter(String path, String detail) {
		assertBadRequest(client().get().uri(path).exchange(), "bad-parameter", "Bad parameter", detail);
	}

	private void assertInvalidItem(String body, String detail) {
		assertBadRequest(
				client().post().uri("/api/db/items").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(),
				"invalid-field", "Invalid field", detail);
	}

	private static void assertBadRequest(WebTestClient.ResponseSpec response, String type, String title,
			String detail) {
		response.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType("application/problem+json")
			.expectBody(String.class)
			.isEqualTo("{\"type\":\"urn:stackbench:problem:" + type + "\",\"title\":\"" + title
					+ "\",\"status\":400,\"detail\":\"" + detail + "\"}");
	}

	private static String rows(int count) {
		return IntStream.rangeClosed(1, count)
			.mapToObj((id) -> "{\"id\":" + id + ",\"label\":\"row " + id + "\"}")
			.collect(Collectors.joining(","));
	}

}
