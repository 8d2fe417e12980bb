package dev.stackbench.comparison.result;

/**
 * An error message from a Gatling report's error table and how often it occurred.
 *
 * @param message Gatling's message, e.g.
 * {@code Request timeout to 127.0.0.1:8080 after 60000 ms}
 * @param count how many requests failed with it
 */
public record ErrorCount(String message, int count) {

	/**
	 * As the report and the claims word it: {@code 2 x status.find.is(200), found 502}.
	 */
	public String inWords() {
		return this.count + " x " + this.message;
	}

}
