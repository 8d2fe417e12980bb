package dev.stackbench.comparison.result;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * An app that died during a run: the run skipped the rest of its scenarios in that fork
 * and went on with the next stack.
 *
 * @param stack the contender whose app died
 * @param run which repetition (fork)
 * @param during the scenario it died in, or {@code warm-up}
 * @param at when its process was seen to have ended
 * @param cause what ended it: the error the JVM ended on (its
 * {@code -XX:+ExitOnOutOfMemoryError} line, for one), else its exit status
 * @param answered requests it answered in that scenario before it died
 */
public record AppDeath(Contender stack, int run, String during, Instant at, String cause, long answered) {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
		.withZone(ZoneId.systemDefault());

	/** "died: OutOfMemoryError: Java heap space at 14:02:11, after 12,345 requests" */
	public String inWords() {
		return String.format(Locale.ROOT, "died: %s at %s, after %,d requests", this.cause, CLOCK.format(this.at),
				this.answered);
	}

}
