package dev.stackbench.comparison.result;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What async-profiler samples in a profiled window ({@code -Dprofile}), one event a
 * window: its flame graph and collapsed stacks hold one unit, and an event's own overhead
 * stays out of the others' windows. How each is sampled is
 * {@code profile.AsyncProfiler}'s.
 */
public enum ProfileEvent {

	/** CPU time on every thread, the kernel's included. */
	CPU("cpu", "ns of CPU", true),

	/** Heap allocations, each sample weighed by the bytes it stands for. */
	ALLOC("alloc", "bytes allocated", true),

	/** Every thread's stack, running or not. */
	WALL("wall", "ns of wall time", false),

	/** Time threads waited to enter a contended monitor or lock. */
	LOCK("lock", "ns waited for locks", false);

	private final String id;

	private final String unit;

	private final boolean perRequest;

	ProfileEvent(String id, String unit, boolean perRequest) {
		this.id = id;
		this.unit = unit;
		this.perRequest = perRequest;
	}

	@JsonValue
	public String id() {
		return this.id;
	}

	/** What is counted per request, in words: CPU, heap allocated. */
	public String perRequestWhat() {
		return (this == ALLOC) ? "heap allocated" : "CPU";
	}

	/** What the report counts a request's share in: µs of CPU, bytes allocated. */
	public String perRequestUnit() {
		return (this == ALLOC) ? "bytes" : "µs";
	}

	/** What the collapsed stacks' counts are, written with {@code total}. */
	public String unit() {
		return this.unit;
	}

	/**
	 * Whether the process has a counter of the same thing to check the samples against
	 * and divide by the requests (CPU time, allocated bytes): the events the report
	 * breaks down per request.
	 */
	public boolean perRequest() {
		return this.perRequest;
	}

	/** {@code cpu,alloc}: the events named, in the order given. */
	public static List<ProfileEvent> list(String spec) {
		return Arrays.stream(spec.split(","))
			.map(String::trim)
			.filter((name) -> !name.isEmpty())
			.map(ProfileEvent::of)
			.distinct()
			.toList();
	}

	public static ProfileEvent of(String id) {
		return Arrays.stream(values())
			.filter((event) -> event.id.equals(id.toLowerCase(Locale.ROOT)))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("unknown profiling event '" + id + "'; choose from "
					+ Arrays.stream(values()).map(ProfileEvent::id).toList()));
	}

	@Override
	public String toString() {
		return this.id;
	}

}
