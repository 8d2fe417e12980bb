package dev.stackbench.comparison.profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.result.ProfileEvent;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The named parts a request's CPU and allocations are grouped into, as data
 * ({@code parts.json} beside this class): each part the frame prefixes (and suffixes)
 * that belong to it. A sample belongs to the part of its thread where a part names a
 * whole thread (the JIT's compilers, the garbage collectors); otherwise to the part of
 * the frame nearest its leaf that any part names, the parts tried in the file's order on
 * each frame: a {@code HashMap.get} called by Jackson is the codecs' and the same call by
 * Tomcat's connector the server's, and a futex the kernel runs for a thread pool's
 * hand-off is the hand-off's rather than the kernel's.
 *
 * @param parts the parts in the order they are tried, {@link #OTHER} last
 */
public record FrameParts(List<Part> parts) {

	/** Where a sample whose frames no part names goes. */
	public static final String OTHER = "other";

	/** A key misspelt in the file is refused rather than dropped. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/**
	 * One part.
	 *
	 * @param id its short name in {@code results.json}
	 * @param name what the report calls it
	 * @param wholeThread whether a frame of it anywhere in the stack makes the whole
	 * sample its own: the parts that are threads of their own
	 * @param prefixes frames (dotted) that begin with one of these are this part's
	 * @param suffixes frames that end with one of these are this part's
	 */
	public record Part(String id, String name, Boolean wholeThread, List<String> prefixes, List<String> suffixes) {

		public Part {
			wholeThread = Boolean.TRUE.equals(wholeThread);
			prefixes = (prefixes != null) ? prefixes : List.of();
			suffixes = (suffixes != null) ? suffixes : List.of();
		}

		boolean names(String frame) {
			return this.prefixes.stream().anyMatch(frame::startsWith)
					|| this.suffixes.stream().anyMatch(frame::endsWith);
		}

	}

	record File(String why, List<Part> parts) {

	}

	/** The parts of {@code parts.json}. */
	public static FrameParts standard() {
		try (InputStream in = FrameParts.class.getResourceAsStream("parts.json")) {
			return new FrameParts(JSON.readValue(in, File.class).parts());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The part a stack's sample belongs to, by its id; {@link #OTHER} when none. */
	public String partOf(List<String> frames) {
		for (Part part : this.parts) {
			if (part.wholeThread() && frames.stream().anyMatch(part::names)) {
				return part.id();
			}
		}
		for (int i = frames.size() - 1; i >= 0; i--) {
			String frame = frames.get(i);
			for (Part part : this.parts) {
				if (!part.wholeThread() && part.names(frame)) {
					return part.id();
				}
			}
		}
		return OTHER;
	}

	/**
	 * A profile's totals by part, every part present (zero where nothing fell in it), in
	 * the file's order, {@link #OTHER} last. An allocation's leaf frame is the type
	 * allocated (async-profiler marks it {@code _[i]} inside a TLAB and {@code _[k]}
	 * outside one, the kernel's mark): the part is that of the code that allocated it.
	 */
	public Map<String, Long> breakDown(CollapsedStacks profile, ProfileEvent event) {
		Map<String, Long> totals = new LinkedHashMap<>();
		this.parts.forEach((part) -> totals.put(part.id(), 0L));
		totals.put(OTHER, 0L);
		for (CollapsedStacks.Stack stack : profile.stacks()) {
			List<String> frames = stack.frames();
			if (event == ProfileEvent.ALLOC && frames.size() > 1) {
				frames = frames.subList(0, frames.size() - 1);
			}
			totals.merge(partOf(frames), stack.total(), Long::sum);
		}
		return totals;
	}

	/** What the report calls a part, by its id. */
	public String name(String id) {
		return this.parts.stream()
			.filter((part) -> part.id().equals(id))
			.map(Part::name)
			.findFirst()
			.orElse(OTHER.equals(id) ? "other (no part names a frame of it)" : id);
	}

}
