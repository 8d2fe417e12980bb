package dev.stackbench.comparison.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One contender of a comparison: a serving model as entered on the command line. The same
 * model entered twice is two contenders (an A/A run, whose figures should come out within
 * noise), told apart by their entry: the first is named as its model ({@code platform}),
 * the second {@code platform-2}. A contender runs its model's app and profile, and the
 * report names its model. One instance per id, so that contenders compare with {@code ==}
 * as the models did.
 */
public final class Contender {

	private static final Pattern ENTRY = Pattern.compile("(.+)-(\\d+)");

	private static final Map<String, Contender> INSTANCES = new ConcurrentHashMap<>();

	public static final Contender PLATFORM = of(ServingModel.PLATFORM);

	public static final Contender VIRTUAL = of(ServingModel.VIRTUAL);

	public static final Contender REACTIVE = of(ServingModel.REACTIVE);

	public static final Contender SINGLE_THREAD = of(ServingModel.SINGLE_THREAD);

	public static final Contender SINGLE_LOOP = of(ServingModel.SINGLE_LOOP);

	public static final List<Contender> DEFAULT = entered(ServingModel.DEFAULT);

	private final ServingModel model;

	private final int entry;

	private Contender(ServingModel model, int entry) {
		this.model = model;
		this.entry = entry;
	}

	/** A model's first entry. */
	public static Contender of(ServingModel model) {
		return of(model, 1);
	}

	public static Contender of(ServingModel model, int entry) {
		if (entry < 1) {
			throw new IllegalArgumentException("a contender's entry counts from 1, not " + entry);
		}
		return INSTANCES.computeIfAbsent(id(model, entry), (id) -> new Contender(model, entry));
	}

	/**
	 * A contender by its id: a model's ({@code platform}), or a later entry's
	 * ({@code platform-2}).
	 */
	@JsonCreator
	public static Contender of(String id) {
		Matcher later = ENTRY.matcher(id.trim());
		if (later.matches() && isModel(later.group(1))) {
			return of(ServingModel.of(later.group(1)), Integer.parseInt(later.group(2)));
		}
		return of(ServingModel.of(id));
	}

	/** The models as entered, in order: a model entered again is its next entry. */
	public static List<Contender> entered(List<ServingModel> models) {
		Map<ServingModel, Integer> entries = new HashMap<>();
		List<Contender> contenders = new ArrayList<>();
		for (ServingModel model : models) {
			contenders.add(of(model, entries.merge(model, 1, Integer::sum)));
		}
		return List.copyOf(contenders);
	}

	private static boolean isModel(String id) {
		try {
			ServingModel.of(id);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String id(ServingModel model, int entry) {
		return (entry == 1) ? model.id() : model.id() + "-" + entry;
	}

	@JsonValue
	public String id() {
		return id(this.model, this.entry);
	}

	public ServingModel model() {
		return this.model;
	}

	/** 1 for a model's first entry, 2 for its second. */
	public int entry() {
		return this.entry;
	}

	public String app() {
		return this.model.app();
	}

	public String profile() {
		return this.model.profile();
	}

	public String title() {
		return (this.entry == 1) ? this.model.title() : this.model.title() + ", entered again (A/A)";
	}

	/**
	 * Its model's colour, darker for each later entry so that an A/A pair stays apart in
	 * a chart.
	 */
	public String color() {
		if (this.entry == 1) {
			return this.model.color();
		}
		int rgb = Integer.parseInt(this.model.color().substring(1), 16);
		double shade = Math.pow(0.6, this.entry - 1);
		int red = (int) (((rgb >> 16) & 0xff) * shade);
		int green = (int) (((rgb >> 8) & 0xff) * shade);
		int blue = (int) ((rgb & 0xff) * shade);
		return String.format("#%02x%02x%02x", red, green, blue);
	}

	@Override
	public String toString() {
		return id();
	}

}
