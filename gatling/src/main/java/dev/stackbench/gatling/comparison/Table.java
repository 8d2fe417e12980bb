package dev.stackbench.gatling.comparison;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of the report, built once and written as Markdown or HTML, so both reports show the same numbers.
 *
 * @param title the heading above it
 * @param note a sentence under the heading saying how to read it, or empty
 * @param headers the column headers
 * @param rows the cells, as text
 */
record Table(String title, String note, List<String> headers, List<List<String>> rows) {

	String markdown() {
		StringBuilder markdown = new StringBuilder("## ").append(this.title).append("\n\n");
		if (!this.note.isEmpty()) {
			markdown.append(this.note).append("\n\n");
		}
		markdown.append(markdownRow(this.headers)).append('\n');
		markdown.append(this.headers.stream().map((header) -> "---").collect(Collectors.joining("|", "|", "|"))).append('\n');
		this.rows.forEach((row) -> markdown.append(markdownRow(row)).append('\n'));
		return markdown.append('\n').toString();
	}

	String html() {
		StringBuilder html = new StringBuilder("<h2>").append(Html.escape(this.title)).append("</h2>\n");
		if (!this.note.isEmpty()) {
			html.append("<p class=\"note\">").append(Html.escape(this.note)).append("</p>\n");
		}
		html.append("<table><thead><tr>");
		this.headers.forEach((header) -> html.append("<th>").append(Html.escape(header)).append("</th>"));
		html.append("</tr></thead><tbody>\n");
		for (List<String> row : this.rows) {
			html.append("<tr>");
			row.forEach((cell) -> html.append(cellHtml(cell)));
			html.append("</tr>\n");
		}
		return html.append("</tbody></table>\n").toString();
	}

	private static String cellHtml(String cell) {
		String css = cell.startsWith("held") ? " class=\"held\"" : cell.startsWith("NOT held") ? " class=\"not-held\"" : "";
		return "<td" + css + ">" + Html.escape(cell) + "</td>";
	}

	private static String markdownRow(List<String> cells) {
		return cells.stream().map((cell) -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |"));
	}

}
