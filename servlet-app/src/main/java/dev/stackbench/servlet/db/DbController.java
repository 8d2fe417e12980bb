package dev.stackbench.servlet.db;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.db.Database;
import dev.stackbench.workload.db.DbQuery;
import dev.stackbench.workload.db.Fortunes;
import dev.stackbench.workload.db.Items;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/db/*} over JDBC: Spring's {@link JdbcClient} on a HikariCP pool. The
 * request thread holds a pooled connection for the whole query, as a servlet app's does:
 * with platform threads, a thread and a connection; with virtual threads, only the
 * connection.
 */
@RestController
class DbController {

	private static final MediaType HTML = MediaType.parseMediaType(Fortunes.CONTENT_TYPE);

	private final JdbcClient jdbc;

	private final Duration acquireTimeout;

	private final Schema schema;

	DbController(JdbcClient jdbc, StackbenchProperties properties, Schema schema) {
		this.jdbc = jdbc;
		this.acquireTimeout = properties.db().acquireTimeout();
		this.schema = schema;
	}

	@GetMapping(path = Api.DB_QUERY, produces = MediaType.APPLICATION_JSON_VALUE)
	DbQuery.Answer query(HttpServletRequest request) {
		DbQuery query = DbQuery.of(Query.parse(request.getQueryString()));
		return query.answer(database(() -> this.jdbc.sql(DbQuery.SQL)
			.param("delay", query.delaySeconds())
			.param("rows", query.rows())
			.query(DbQuery.Row.class)
			.list()));
	}

	@GetMapping(path = Api.DB_FORTUNES, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> fortunes() {
		String page = Fortunes.render(database(() -> this.jdbc.sql(Fortunes.SQL).query(Fortunes.Fortune.class).list()));
		return ResponseEntity.ok().contentType(HTML).body(page);
	}

	/**
	 * Reads the body itself, bounded as {@code /api/echo}'s, before any connection is
	 * taken.
	 */
	@PostMapping(Api.DB_ITEMS)
	ResponseEntity<Items.Item> create(HttpServletRequest request) throws IOException {
		Echo.requireJsonContentType(request.getContentType());
		Echo.requireDeclaredLengthWithinLimit(request.getContentLengthLong());
		Items.NewItem item = Items.parse(Echo.readWithinLimit(request.getInputStream()));
		long id = database(() -> this.jdbc.sql(Items.INSERT_SQL)
			.param("name", item.name())
			.param("quantity", item.quantity())
			.query(Long.class)
			.single());
		return ResponseEntity.created(URI.create(Items.location(id)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(new Items.Item(id, item.name(), item.quantity()));
	}

	@GetMapping(path = Api.DB_ITEMS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Items.Item item(@PathVariable("id") String segment) {
		long id = Items.id(segment);
		return database(() -> this.jdbc.sql(Items.SELECT_SQL).param("id", id).query(Items.Item.class).optional())
			.orElseThrow(() -> Items.notFound(id));
	}

	/**
	 * Runs one database call once the schema has been applied, answering its failure as
	 * the workload's problem (pool exhausted, database down); anything else is a bug and
	 * stays one.
	 */
	private <T> T database(Supplier<T> call) {
		try {
			this.schema.ensureApplied();
			return call.get();
		}
		catch (DataAccessException ex) {
			ProblemException problem = Database.problemFor(ex, this.acquireTimeout);
			if (problem == null) {
				throw ex;
			}
			throw problem;
		}
	}

}
