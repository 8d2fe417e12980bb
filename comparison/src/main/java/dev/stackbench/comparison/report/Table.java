package dev.stackbench.comparison.report;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of the report, built once and written as Markdown or HTML, so both reports show
 * the same numbers.
 *
 * @param title the heading above it
 * @param note a sentence under the heading saying how to read it, or empty
 * @param headers the column headers
 * @param rows the cells
 */
public record Table(String title, String note, List<String> headers, List<List<Cell>> rows) {

	/**
	 * One cell: its text, and how the HTML report marks it.
	 *
	 * @param text what both reports show
	 * @param mark a verdict's colour in the HTML report
	 * @param href where it links to, or empty
	 */
	public record Cell(String text, Mark mark, String href) {

		public Cell(String text, Mark mark) {
			this(text, mark, "");
		}

		public static Cell of(String text) {
			return new Cell(text, Mark.NONE);
		}

		/**
		 * A link to a file of the comparison's folder ({@code href} relative to it),
		 * which both reports link.
		 */
		public static Cell link(String text, String href) {
			return new Cell(text, Mark.NONE, href);
		}

		/** What Markdown shows: the text, as a link where it is one. */
		String markdown() {
			return this.href.isEmpty() ? this.text : "[" + this.text + "](" + this.href.replace(" ", "%20") + ")";
		}

		/** {@code good} marked as such (held, best, beyond noise), else as bad. */
		public static Cell verdict(String text, boolean good) {
			return new Cell(text, good ? Mark.GOOD : Mark.BAD);
		}

	}

	/** How a cell is coloured in the HTML report. */
	public enum Mark {

		NONE(""), GOOD("held"), BAD("not-held");

		private final String cssClass;

		Mark(String cssClass) {
			this.cssClass = cssClass;
		}

	}

	/** A table whose cells are all plain text. */
	public static Table plain(String title, String note, List<String> headers, List<List<String>> rows) {
		return new Table(title, note, headers,
				rows.stream().map((row) -> row.stream().map(Cell::of).toList()).toList());
	}

	String markdown() {
		StringBuilder markdown = new StringBuilder("## ").append(this.title).append("\n\n");
		if (!this.note.isEmpty()) {
			markdown.append(this.note).append("\n\n");
		}
		markdown.append(markdownRow(this.headers)).append('\n');
		markdown.append(this.headers.stream().map((header) -> "---").collect(Collectors.joining("|", "|", "|")))
			.append('\n');
		this.rows
			.forEach((row) -> markdown.append(markdownRow(row.stream().map(Cell::markdown).toList())).append('\n'));
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
		for (List<Cell> row : this.rows) {
			html.append("<tr>");
			row.forEach((cell) -> html.append(cellHtml(cell)));
			html.append("</tr>\n");
		}
		return html.append("</tbody></table>\n").toString();
	}

	private static String cellHtml(Cell cell) {
		String css = cell.mark().cssClass.isEmpty() ? "" : " class=\"" + cell.mark().cssClass + "\"";
		String text = Html.escape(cell.text());
		return "<td" + css + ">"
				+ (cell.href().isEmpty() ? text : "<a href=\"" + Html.escape(cell.href()) + "\">" + text + "</a>")
				+ "</td>";
	}

	private static String markdownRow(List<String> cells) {
		return cells.stream().map((cell) -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |"));
	}

}
