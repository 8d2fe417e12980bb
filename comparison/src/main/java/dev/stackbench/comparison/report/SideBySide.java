package dev.stackbench.comparison.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stackbench.comparison.profile.CollapsedStacks;
import dev.stackbench.comparison.profile.FrameParts;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.ProfileEvent;

/**
 * Two models' profiles of one scenario side by side, in one page read in a minute: the
 * named parts per request in A and B with their difference, the functions whose share of
 * a request differs most, and a differential flame graph: every frame of either profile,
 * its width its mean share of a request in the two, red where B spends more on it and
 * blue where less (fully red or blue where only one of them has it). async-profiler 4.2
 * has no differential view of its own, hence this one.
 */
public final class SideBySide {

	/**
	 * Frames narrower than this share of the two profiles together are left out of the
	 * graph.
	 */
	private static final double NARROWEST = 0.002;

	private static final int FRAME_HEIGHT = 16;

	private SideBySide() {
	}

	/**
	 * The view of B against A for a scenario (and its phase, where it has phases),
	 * relative to the comparison's folder.
	 */
	public static String file(String scenario, String phase, ProfileEvent event, Contender a, Contender b) {
		return "profiles/side-by-side/" + scenario + (phase.isEmpty() ? "" : "-" + Profile.fileName(phase)) + "-"
				+ event.id() + "-" + a.id() + "-vs-" + b.id() + ".html";
	}

	/**
	 * The pairs a run's report links: for every scenario and event counted per request,
	 * every model's profile against the first model's that has one.
	 */
	public static List<Pair> pairs(List<Profile> profiles, List<Contender> stacks) {
		Map<String, List<Profile>> byWindow = new LinkedHashMap<>();
		profiles.stream()
			.filter((profile) -> profile.event().perRequest())
			.forEach((profile) -> byWindow
				.computeIfAbsent(profile.window() + "\n" + profile.event().id(), (key) -> new java.util.ArrayList<>())
				.add(profile));
		List<Pair> pairs = new java.util.ArrayList<>();
		byWindow.values().forEach((same) -> {
			List<Profile> ordered = same.stream()
				.sorted(Comparator.comparingInt((Profile profile) -> stacks.indexOf(profile.stack())))
				.toList();
			ordered.stream().skip(1).forEach((other) -> pairs.add(new Pair(ordered.getFirst(), other)));
		});
		return pairs;
	}

	/** Two profiles of one scenario and event: B set against A. */
	public record Pair(Profile a, Profile b) {

		public String file() {
			return SideBySide.file(this.a.scenario(), this.a.phase(), this.a.event(), this.a.stack(), this.b.stack());
		}

	}

	/**
	 * Writes every pair's view into the comparison's folder, from the collapsed stacks
	 * there.
	 */
	public static void writeAll(List<Profile> profiles, List<Contender> stacks, Path output) throws IOException {
		FrameParts parts = FrameParts.standard();
		for (Pair pair : pairs(profiles, stacks)) {
			Path file = output.resolve(pair.file());
			Files.createDirectories(file.getParent());
			Files.writeString(file, html(pair, collapsed(output, pair.a()), collapsed(output, pair.b()), parts));
		}
	}

	private static CollapsedStacks collapsed(Path output, Profile profile) throws IOException {
		return CollapsedStacks.read(output.resolve(profile.folder()).resolve(profile.event().id() + ".collapsed"));
	}

	/** The page. */
	static String html(Pair pair, CollapsedStacks a, CollapsedStacks b, FrameParts parts) {
		Profile first = pair.a();
		Profile second = pair.b();
		String unit = first.event().perRequestUnit();
		String nameA = first.stack().id();
		String nameB = second.stack().id();
		double totalA = a.total() * first.perRequestScale();
		double totalB = b.total() * second.perRequestScale();
		StringBuilder html = new StringBuilder(
				"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
			.append(Html.escape(first.window() + ": " + nameB + " against " + nameA + ", " + first.event().unit()))
			.append("</title><style>")
			.append("""
					body { font-family: system-ui, sans-serif; margin: 1.5em; color: #222; }
					table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0 1.5em; }
					th, td { border: 1px solid #ccc; padding: 2px 8px; text-align: right; }
					th:first-child, td:first-child { text-align: left; }
					td.more { background: #fde0dd; } td.less { background: #deebf7; }
					#graph { position: relative; font: 11px monospace; }
					#graph div { position: absolute; height: 15px; overflow: hidden; white-space: nowrap;
					  text-overflow: ellipsis; border-right: 1px solid #fff; box-sizing: border-box; padding-left: 2px; }
					p.note { color: #555; font-size: 0.9em; max-width: 1100px; }
					""")
			.append("</style></head><body>\n<h1>")
			.append(Html.escape(first.window() + ": " + nameB + " against " + nameA))
			.append("</h1>\n<p>")
			.append(Html.escape(String.format(Locale.ROOT,
					"%s per request, each profiled in an extra window after its fork %d's measured ones: %s %s, %s %s "
							+ "(%+.1f%s). %s",
					first.event().perRequestWhat(), first.run(), nameA, amount(totalA, unit), nameB,
					amount(totalB, unit), totalB - totalA, " " + unit, largest(first, second, parts))))
			.append("</p>\n<h2>By part</h2>\n<table><tr><th>part</th><th>")
			.append(Html.escape(nameA))
			.append("</th><th>")
			.append(Html.escape(nameB))
			.append("</th><th>")
			.append(Html.escape(nameB + " − " + nameA))
			.append("</th></tr>\n");
		for (String part : first.parts().keySet()) {
			double valueA = first.perRequest(part).orElse(0.0);
			double valueB = second.perRequest(part).orElse(0.0);
			html.append(row(parts.name(part), valueA, valueB, unit));
		}
		html.append("</table>\n<h2>Functions whose own share of a request differs most</h2>\n<p class=\"note\">")
			.append("Self: the samples whose leaf is the function (where the CPU was spent or the object allocated, "
					+ "not what called it), per request; the largest differences first, either way. The graph below "
					+ "shows who called them.</p>\n<table><tr><th>function</th><th>")
			.append(Html.escape(nameA))
			.append("</th><th>")
			.append(Html.escape(nameB))
			.append("</th><th>difference</th></tr>\n");
		Map<String, double[]> self = new LinkedHashMap<>();
		addSelf(self, a, first.perRequestScale(), 0);
		addSelf(self, b, second.perRequestScale(), 1);
		self.entrySet()
			.stream()
			.sorted(Comparator.comparingDouble(
					(Map.Entry<String, double[]> entry) -> -Math.abs(entry.getValue()[1] - entry.getValue()[0])))
			.limit(25)
			.forEach((entry) -> html.append(row(entry.getKey(), entry.getValue()[0], entry.getValue()[1], unit)));
		Node root = new Node("all");
		add(root, a, first.perRequestScale(), 0);
		add(root, b, second.perRequestScale(), 1);
		int depth = root.depth();
		html.append("</table>\n<h2>Differential flame graph</h2>\n<p class=\"note\">")
			.append(Html
				.escape("Every frame of either profile, root at the top; its width its mean share of a request in "
						+ nameA + " and " + nameB + ", its colour red where " + nameB
						+ " spends more on it, blue where "
						+ "less (fully so where only one has the frame), grey where they are alike. Hover over a frame for "
						+ "its figures. Frames under " + (NARROWEST * 100) + "% of the width are left out."))
			.append("</p>\n<div id=\"graph\" style=\"height:")
			.append((depth + 1) * FRAME_HEIGHT)
			.append("px\">\n");
		draw(html, root, 0, 0, 100, root.a + root.b, unit, nameA, nameB);
		return html.append("</div>\n</body></html>\n").toString();
	}

	/** The three parts whose share of a request differs most, in words. */
	private static String largest(Profile a, Profile b, FrameParts parts) {
		String unit = a.event().perRequestUnit();
		List<String> biggest = a.parts()
			.keySet()
			.stream()
			.sorted(Comparator.comparingDouble(
					(String part) -> -Math.abs(b.perRequest(part).orElse(0.0) - a.perRequest(part).orElse(0.0))))
			.limit(3)
			.map((part) -> String.format(Locale.ROOT, "%s %+.1f %s", parts.name(part),
					b.perRequest(part).orElse(0.0) - a.perRequest(part).orElse(0.0), unit))
			.toList();
		return "Largest differences by part: " + String.join("; ", biggest) + ".";
	}

	private static String row(String name, double a, double b, String unit) {
		double difference = b - a;
		String css = (Math.abs(difference) <= 0.05 * Math.max(a, b)) ? ""
				: (difference > 0) ? " class=\"more\"" : " class=\"less\"";
		return "<tr><td>" + Html.escape(name) + "</td><td>" + amount(a, unit) + "</td><td>" + amount(b, unit)
				+ "</td><td" + css + ">" + String.format(Locale.ROOT, "%+.1f", difference) + "</td></tr>\n";
	}

	private static String amount(double value, String unit) {
		return ProfileTables.number(value) + " " + unit;
	}

	/** Every function's own share: its samples as the stack's leaf. */
	private static void addSelf(Map<String, double[]> self, CollapsedStacks stacks, double scale, int side) {
		for (CollapsedStacks.Stack stack : stacks.stacks()) {
			self.computeIfAbsent(stack.frames().getLast(), (key) -> new double[2])[side] += stack.total() * scale;
		}
	}

	private static void add(Node root, CollapsedStacks stacks, double scale, int side) {
		for (CollapsedStacks.Stack stack : stacks.stacks()) {
			double value = stack.total() * scale;
			Node node = root;
			node.add(side, value);
			for (String frame : stack.frames()) {
				node = node.children.computeIfAbsent(frame, Node::new);
				node.add(side, value);
			}
		}
	}

	private static void draw(StringBuilder html, Node node, int level, double left, double width, double whole,
			String unit, String nameA, String nameB) {
		double ratio = (node.a + node.b == 0) ? 0 : (node.b - node.a) / (node.a + node.b);
		int fade = (int) Math.round(235 - 150 * Math.abs(ratio));
		String colour = (Math.abs(ratio) < 0.05) ? "rgb(225,225,225)"
				: (ratio > 0) ? "rgb(250," + fade + "," + fade + ")" : "rgb(" + fade + "," + fade + ",250)";
		html.append(
				String.format(Locale.ROOT, "<div style=\"left:%.3f%%;width:%.3f%%;top:%dpx;background:%s\" title=\"",
						left, width, level * FRAME_HEIGHT, colour))
			.append(Html.escape(String.format(Locale.ROOT, "%s\n%s %.2f %s, %s %.2f %s (%+.2f)", node.frame, nameA,
					node.a, unit, nameB, node.b, unit, node.b - node.a)))
			.append("\">")
			.append(Html.escape(node.frame))
			.append("</div>\n");
		double offset = left;
		for (Node child : node.children.values()
			.stream()
			.sorted(Comparator.comparing((Node child) -> child.frame))
			.toList()) {
			double childWidth = 100 * (child.a + child.b) / whole;
			if (childWidth >= NARROWEST * 100) {
				draw(html, child, level + 1, offset, childWidth, whole, unit, nameA, nameB);
			}
			offset += childWidth;
		}
	}

	/** A frame of the merged tree: its share of a request in A and in B. */
	private static final class Node {

		private final String frame;

		private final Map<String, Node> children = new LinkedHashMap<>();

		private double a;

		private double b;

		Node(String frame) {
			this.frame = frame;
		}

		void add(int side, double value) {
			if (side == 0) {
				this.a += value;
			}
			else {
				this.b += value;
			}
		}

		int depth() {
			return 1 + this.children.values().stream().mapToInt(Node::depth).max().orElse(0);
		}

	}

}
