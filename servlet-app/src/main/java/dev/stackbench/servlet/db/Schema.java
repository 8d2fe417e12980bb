package dev.stackbench.servlet.db;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.db.Database;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * The schema and seed data of {@code /api/db/*} ({@link Database#SCHEMA_SCRIPT}), applied
 * once the database is first reached rather than at start-up, so that an app whose
 * database is down or late starts anyway and serves everything else: tried as soon as the
 * app is ready, in the background, and then before any {@code /api/db/*} request until it
 * has been applied once. One request at a time tries; the others wait for it at most the
 * pool's acquire timeout, then answer {@code 503 database-unavailable} as during an
 * outage.
 */
@Component
class Schema {

	private static final Log logger = LogFactory.getLog(Schema.class);

	private final DataSource dataSource;

	private final ResourceDatabasePopulator script = new ResourceDatabasePopulator(
			new ClassPathResource(Database.SCHEMA_SCRIPT));

	private final Duration acquireTimeout;

	private final ReentrantLock applying = new ReentrantLock();

	private volatile boolean applied;

	Schema(DataSource dataSource, StackbenchProperties properties) {
		this.dataSource = dataSource;
		this.acquireTimeout = properties.db().acquireTimeout();
	}

	/**
	 * Returns once the schema has been applied, applying it first if need be; a database
	 * that cannot be reached throws as a query would.
	 */
	void ensureApplied() {
		if (this.applied) {
			return;
		}
		try {
			if (!this.applying.tryLock(this.acquireTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				throw Database.unavailable();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw Database.unavailable();
		}
		try {
			if (!this.applied) {
				this.script.execute(this.dataSource);
				this.applied = true;
				logger.info("Database schema applied");
			}
		}
		finally {
			this.applying.unlock();
		}
	}

	/**
	 * Off the start-up thread: a database that is not there would otherwise hold the
	 * app's readiness for the pool's acquire timeout.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void applyOnceReady() {
		Thread.ofVirtual().name("db-schema").start(() -> {
			try {
				ensureApplied();
			}
			catch (RuntimeException ex) {
				logger.warn(Database.notReachedYet(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()));
			}
		});
	}

}
