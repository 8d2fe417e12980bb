package dev.stackbench.reactive.db;

import dev.stackbench.workload.db.Database;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.r2dbc.connection.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The schema and seed data of {@code /api/db/*} ({@link Database#SCHEMA_SCRIPT}), applied
 * once the database is first reached rather than at start-up, so that an app whose
 * database is down or late starts anyway and serves everything else: tried as soon as the
 * app is ready, and then before any {@code /api/db/*} request until it has been applied
 * once. One attempt at a time: requests that come during it share its outcome, and a
 * failed attempt answers them as a query's failure would.
 */
@Component
class Schema {

	private static final Log logger = LogFactory.getLog(Schema.class);

	private final ConnectionFactory connectionFactory;

	private final ResourceDatabasePopulator script = new ResourceDatabasePopulator(
			new ClassPathResource(Database.SCHEMA_SCRIPT));

	private volatile boolean applied;

	/** The attempt under way, shared by the requests that come during it; else null. */
	private Mono<Void> attempt;

	Schema(ConnectionFactory connectionFactory) {
		this.connectionFactory = connectionFactory;
	}

	/** Completes once the schema has been applied, applying it first if need be. */
	Mono<Void> applied() {
		if (this.applied) {
			return Mono.empty();
		}
		synchronized (this) {
			if (this.attempt == null) {
				this.attempt = this.script.populate(this.connectionFactory).doOnSuccess((done) -> {
					this.applied = true;
					logger.info("Database schema applied");
				}).doFinally((signal) -> {
					synchronized (this) {
						this.attempt = null;
					}
				}).cache();
			}
			return this.attempt;
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void applyOnceReady() {
		applied().subscribe(null, (ex) -> logger
			.warn(Database.notReachedYet(NestedExceptionUtils.getMostSpecificCause(ex).getMessage())));
	}

}
