package dev.stackbench.comparison.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's option table says what {@link OptionsCommand} defines: the same options in
 * the same order, each with its default and its description (the README's with its
 * Markdown taken out).
 */
class OptionsReadmeTests {

	private static final Path README = Path.of("..").toAbsolutePath().normalize().resolve("README.md");

	private static final String HEADER = "| option | default | what it does |";

	@Test
	void theReadmesOptionTableIsTheDefinitions() throws Exception {
		List<String> lines = Files.readAllLines(README);
		int header = lines.indexOf(HEADER);
		assertThat(header).as("the README's option table, headed " + HEADER).isNotNegative();
		List<Row> table = lines.subList(header + 2, lines.size())
			.stream()
			.takeWhile((line) -> line.startsWith("|"))
			.map(Row::of)
			.toList();
		List<Row> definition = OptionsCommand.definition()
			.getCommandSpec()
			.options()
			.stream()
			.map(OptionsReadmeTests::row)
			.toList();
		assertThat(table).extracting(Row::option)
			.containsExactlyElementsOf(definition.stream().map(Row::option).toList());
		for (int i = 0; i < definition.size(); i++) {
			Row expected = definition.get(i);
			assertThat(table.get(i).defaultValue()).as("the README's default of " + expected.option())
				.isEqualTo(expected.defaultValue());
			assertThat(table.get(i).description()).as("the README's description of " + expected.option())
				.isEqualTo(expected.description());
		}
	}

	/** An option as the README shows it: its -D name, its default, what it does. */
	private static Row row(OptionSpec option) {
		String[] description = option.description();
		String shown = Arrays.stream(description)
			.filter((line) -> line.startsWith(OptionsCommand.DEFAULT))
			.map((line) -> line.substring(OptionsCommand.DEFAULT.length()))
			.findFirst()
			.orElse((option.defaultValue() != null) ? option.defaultValue() : "");
		// As picocli prints it: a description is a format string, "%%" a per cent sign.
		String text = String
			.join(" ", Arrays.stream(description).filter((line) -> !line.startsWith(OptionsCommand.DEFAULT)).toList())
			.replace("%%", "%");
		return new Row("-D" + OptionsCommand.property(option) + ((option.arity().max() > 0) ? "=" : ""), shown, text);
	}

	private record Row(String option, String defaultValue, String description) {

		/**
		 * {@code | `-Drepeat=` | `1` | runs every scenario ... |}, Markdown taken out.
		 */
		static Row of(String line) {
			String[] cells = line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", -1);
			assertThat(cells).as(line).hasSize(3);
			return new Row(plain(cells[0]), plain(cells[1]), plain(cells[2]));
		}

		private static String plain(String markdown) {
			return markdown.replace("`", "").replace("*", "").replace("\\|", "|").trim();
		}

	}

}
