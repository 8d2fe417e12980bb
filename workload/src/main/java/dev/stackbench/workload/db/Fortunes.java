package dev.stackbench.workload.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /api/db/fortunes}: TechEmpower's fortunes test, so that a result can be set
 * beside a known benchmark. Every row of the {@code fortune} table is read, one fortune
 * added in memory, the list sorted by message and rendered as an HTML table, escaped.
 */
public final class Fortunes {

	public static final String SQL = "SELECT id, message FROM fortune";

	/** The page's type, its charset named: the Japanese fortune is UTF-8 on both apps. */
	public static final String CONTENT_TYPE = "text/html;charset=UTF-8";

	public static final String ADDED_AT_REQUEST_TIME = "Additional fortune added at request time.";

	private Fortunes() {
	}

	/** The page for the fortunes read, with TechEmpower's extra one, sorted. */
	public static String render(List<Fortune> fromDatabase) {
		List<Fortune> fortunes = new ArrayList<>(fromDatabase);
		fortunes.add(new Fortune(0, ADDED_AT_REQUEST_TIME));
		fortunes.sort(Comparator.comparing(Fortune::message));
		StringBuilder html = new StringBuilder(2048).append(
				"<!DOCTYPE html><html><head><title>Fortunes</title></head><body><table><tr><th>id</th><th>message</th></tr>");
		for (Fortune fortune : fortunes) {
			html.append("<tr><td>").append(fortune.id()).append("</td><td>");
			escape(fortune.message(), html);
			html.append("</td></tr>");
		}
		return html.append("</table></body></html>").toString();
	}

	private static void escape(String text, StringBuilder html) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> html.append("&lt;");
				case '>' -> html.append("&gt;");
				case '&' -> html.append("&amp;");
				case '"' -> html.append("&quot;");
				case '\'' -> html.append("&#39;");
				default -> html.append(c);
			}
		}
	}

	/** One row of the {@code fortune} table. */
	public record Fortune(int id, String message) {
	}

}
