package dev.stackbench.comparison.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.stackbench.comparison.profile.CollapsedStacks;
import dev.stackbench.comparison.profile.FrameParts;
import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ProcessCounters;
import dev.stackbench.comparison.result.Profile;
import dev.stackbench.comparison.result.ProfileEvent;
import org.junit.jupiter.api.Test;

/**
 * The side-by-side view of two profiles: which pairs a run gets, and the page's parts,
 * functions and differential flame graph, from profiles written here.
 */
class SideBySideTests {

	private static final FrameParts PARTS = FrameParts.standard();

	/** Tomcat's thread: 60 µs a request in its connector, 20 in Spring. */
	private static final CollapsedStacks PLATFORM = CollapsedStacks.parse(List.of(
			"java/lang/Thread.run;org/apache/coyote/http11/Http11Processor.service 600000000",
			"java/lang/Thread.run;org/apache/coyote/http11/Http11Processor.service;org/springframework/web/servlet/DispatcherServlet.doDispatch 200000000"));

	/** Netty's event loop: 30 µs in Reactor Netty, 50 in Spring. */
	private static final CollapsedStacks REACTIVE = CollapsedStacks.parse(List.of(
			"java/lang/Thread.run;reactor/netty/http/server/HttpServerOperations.onInboundNext 300000000",
			"java/lang/Thread.run;reactor/netty/http/server/HttpServerOperations.onInboundNext;org/springframework/web/server/handler/DefaultWebFilterChain.filter 500000000"));

	@Test
	void everyModelIsSetAgainstTheFirstForEveryScenarioCountedPerRequest() {
		List<Profile> profiles = List.of(profile(Contender.PLATFORM, "cost", ProfileEvent.CPU, PLATFORM),
				profile(Contender.REACTIVE, "cost", ProfileEvent.CPU, REACTIVE),
				profile(Contender.VIRTUAL, "cost", ProfileEvent.CPU, PLATFORM),
				profile(Contender.PLATFORM, "cost", ProfileEvent.WALL, PLATFORM),
				profile(Contender.REACTIVE, "cost", ProfileEvent.WALL, REACTIVE));

		assertThat(SideBySide.pairs(profiles, Contender.DEFAULT)).extracting(SideBySide.Pair::file)
			.containsExactly("profiles/side-by-side/cost-cpu-platform-vs-virtual.html",
					"profiles/side-by-side/cost-cpu-platform-vs-reactive.html");
	}

	@Test
	void thePageSaysWhereBSpendsMoreAndWhereLess() {
		Profile platform = profile(Contender.PLATFORM, "cost", ProfileEvent.CPU, PLATFORM);
		Profile reactive = profile(Contender.REACTIVE, "cost", ProfileEvent.CPU, REACTIVE);

		String html = SideBySide.html(new SideBySide.Pair(platform, reactive), PLATFORM, REACTIVE, PARTS);

		// 80 µs a request each, as the process counted it; the framework's part 20 and
		// 50, the server's 60 and 30.
		assertThat(html).contains("platform 80.0 µs, reactive 80.0 µs (+0.0 µs)")
			.contains("<tr><td>" + Html.escape(PARTS.name("framework")) + "</td><td>20.0 µs</td><td>50.0 µs</td>"
					+ "<td class=\"more\">+30.0</td></tr>")
			.contains("<tr><td>" + Html.escape(PARTS.name("server")) + "</td><td>60.0 µs</td><td>30.0 µs</td>"
					+ "<td class=\"less\">-30.0</td></tr>");
		// Frames only one of them has are wholly red (only in B) or blue (only in A).
		assertThat(html).containsPattern("background:rgb\\(250,85,85\\)\" title=\"reactor.netty[^\"]*onInboundNext")
			.containsPattern("background:rgb\\(85,85,250\\)\" title=\"org.apache.coyote[^\"]*service");
	}

	/** A profile of 10,000 requests that cost the process 80 µs each, as sampled. */
	static Profile profile(Contender stack, String scenario, ProfileEvent event, CollapsedStacks samples) {
		long requests = 10_000;
		ProcessCounters spent = new ProcessCounters(samples.total(), -1, -1, -1, -1);
		Profile.Window window = new Profile.Window(requests, 4, spent, 2_500);
		Map<String, Long> parts = PARTS.breakDown(samples, event);
		return new Profile(stack, 1, scenario, "", event, "profiles/" + stack.id() + "/" + scenario, window, window,
				samples.total(), parts);
	}

}
