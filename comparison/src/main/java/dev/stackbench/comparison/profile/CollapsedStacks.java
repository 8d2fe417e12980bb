package dev.stackbench.comparison.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * async-profiler's collapsed stacks: a line per distinct stack, its frames from the
 * thread's root to the leaf separated by semicolons, then the stack's total (the event's
 * unit, written with {@code total}). Java frames are written with slashes
 * ({@code java/lang/Thread.run}); here they read with dots, as a person writes them.
 * Kernel frames end in {@code _[k]}.
 *
 * @param stacks every stack with its total
 */
public record CollapsedStacks(List<Stack> stacks) {

	/**
	 * One stack.
	 *
	 * @param frames root first, leaf last
	 * @param total its count in the event's unit
	 */
	public record Stack(List<String> frames, long total) {

	}

	public static CollapsedStacks read(Path file) throws IOException {
		return parse(Files.readAllLines(file));
	}

	public static CollapsedStacks parse(List<String> lines) {
		List<Stack> stacks = new ArrayList<>();
		for (String line : lines) {
			int space = line.lastIndexOf(' ');
			if (line.isBlank() || space < 1) {
				continue;
			}
			long total = Long.parseLong(line.substring(space + 1).trim());
			List<String> frames = List.of(line.substring(0, space).replace('/', '.').split(";"));
			stacks.add(new Stack(frames, total));
		}
		return new CollapsedStacks(List.copyOf(stacks));
	}

	/** Every stack's total added up: what the profile sampled in all. */
	public long total() {
		return this.stacks.stream().mapToLong(Stack::total).sum();
	}

}
