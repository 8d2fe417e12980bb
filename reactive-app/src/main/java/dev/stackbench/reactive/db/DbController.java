package dev.stackbench.reactive.db;

import java.net.URI;
import java.time.Duration;

import dev.stackbench.reactive.system.BoundedBody;
import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Echo;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.db.Database;
import dev.stackbench.workload.db.DbQuery;
import dev.stackbench.workload.db.Fortunes;
import dev.stackbench.workload.db.Items;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/db/*} over R2DBC: Spring's {@link DatabaseClient} on r2dbc-postgresql and
 * r2dbc-pool. A query holds a pooled connection, never a thread: the event loop serves
 * other connections while PostgreSQL works.
 */
@RestController
class DbController {

	private static final MediaType HTML = MediaType.parseMediaType(Fortunes.CONTENT_TYPE);

	private final DatabaseClient database;

	private final Duration acquireTimeout;

	private final Schema schema;

	DbController(DatabaseClient database, StackbenchProperties properties, Schema schema) {
		this.database = database;
		this.acquireTimeout = properties.db().acquireTimeout();
		this.schema = schema;
	}

	@GetMapping(path = Api.DB_QUERY, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<DbQuery.Answer> query(ServerHttpRequest request) {
		DbQuery query = DbQuery.of(Query.parse(request.getURI().getRawQuery()));
		return answered(this.database.sql(DbQuery.SQL)
			.bind("delay", query.delaySeconds())
			.bind("rows", query.rows())
			.mapProperties(DbQuery.Row.class)
			.all()
			.collectList()
			.map(query::answer));
	}

	@GetMapping(path = Api.DB_FORTUNES, produces = MediaType.TEXT_HTML_VALUE)
	Mono<ResponseEntity<String>> fortunes() {
		return answered(this.database.sql(Fortunes.SQL)
			.mapProperties(Fortunes.Fortune.class)
			.all()
			.collectList()
			.map((fortunes) -> ResponseEntity.ok().contentType(HTML).body(Fortunes.render(fortunes))));
	}

	/**
	 * Checks in the servlet app's order: content type and declared size before the body
	 * is read, then its size and fields, and only then takes a connection.
	 */
	@PostMapping(Api.DB_ITEMS)
	Mono<ResponseEntity<Items.Item>> create(ServerHttpRequest request) {
		Echo.requireJsonContentType(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE));
		return BoundedBody.read(request)
			.map((body) -> Items.parse(body.requireWithinLimit()))
			.flatMap((item) -> answered(this.database.sql(Items.INSERT_SQL)
				.bind("name", item.name())
				.bind("quantity", item.quantity())
				.map((row) -> row.get("id", Long.class))
				.one()
				.map((id) -> ResponseEntity.created(URI.create(Items.location(id)))
					.contentType(MediaType.APPLICATION_JSON)
					.body(new Items.Item(id, item.name(), item.quantity())))));
	}

	@GetMapping(path = Api.DB_ITEMS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Items.Item> item(@PathVariable("id") String segment) {
		long id = Items.id(segment);
		return answered(this.database.sql(Items.SELECT_SQL).bind("id", id).mapProperties(Items.Item.class).one())
			.switchIfEmpty(Mono.error(() -> Items.notFound(id)));
	}

	/**
	 * Makes a database call once the schema has been applied, answering its failure as
	 * the workload's problem (pool exhausted, database down); anything else is a bug and
	 * stays one.
	 */
	private <T> Mono<T> answered(Mono<T> call) {
		return this.schema.applied().then(call).onErrorMap(DataAccessException.class, (ex) -> {
			ProblemException problem = Database.problemFor(ex, this.acquireTimeout);
			return (problem != null) ? problem : ex;
		});
	}

}
