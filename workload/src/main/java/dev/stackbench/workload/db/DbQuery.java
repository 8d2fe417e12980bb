package dev.stackbench.workload.db;

import java.util.List;

import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;

/**
 * {@code GET /api/db/query?delay=ms&rows=n}: one query that waits {@code delay} ms inside
 * PostgreSQL ({@code pg_sleep}) and returns the first {@code rows} rows of the seeded
 * table. The wait holds a pooled connection the whole time, so the pool, not the threads,
 * bounds throughput: {@code pool size / delay} queries a second (Little's law).
 *
 * @param delay the wait in the database, milliseconds
 * @param rows how many seeded rows to return
 */
public record DbQuery(long delay, long rows) {

	public static final String ROWS_PARAMETER = "rows";

	public static final long DEFAULT_DELAY_MILLIS = 10;

	public static final long DEFAULT_ROWS = 10;

	/** As many rows as the schema seeds. */
	public static final long MAX_ROWS = 100;

	/**
	 * One statement: the sleep in a one-row subquery runs once, then the rows are read;
	 * named parameters (which JDBC and R2DBC both expand) are the sleep in seconds and
	 * the row count.
	 */
	public static final String SQL = "SELECT r.id, r.label FROM (SELECT pg_sleep(:delay)) AS wait, seed_row AS r "
			+ "WHERE r.id <= :rows ORDER BY r.id";

	/**
	 * Reads {@code delay} (milliseconds, default 10, 0 to 30000, as {@code /api/slow}'s)
	 * and {@code rows} (default 10, 1 to 100).
	 */
	public static DbQuery of(Query query) {
		return new DbQuery(
				query.wholeNumber(SlowPage.DELAY_PARAMETER, DEFAULT_DELAY_MILLIS, 0, SlowPage.MAX_DELAY_MILLIS),
				query.wholeNumber(ROWS_PARAMETER, DEFAULT_ROWS, 1, MAX_ROWS));
	}

	/** The sleep as {@code pg_sleep} takes it. */
	public double delaySeconds() {
		return this.delay / 1000.0;
	}

	public Answer answer(List<Row> rows) {
		return new Answer(this.delay, rows);
	}

	/** One seeded row. */
	public record Row(int id, String label) {
	}

	/**
	 * @param delay the wait asked for
	 * @param rows the rows read, by id
	 */
	public record Answer(long delay, List<Row> rows) {
	}

}
