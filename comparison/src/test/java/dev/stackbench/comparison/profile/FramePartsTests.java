package dev.stackbench.comparison.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import dev.stackbench.comparison.result.ProfileEvent;
import org.junit.jupiter.api.Test;

/**
 * The parts of {@code parts.json} on stacks written here (a frame of each part lands in
 * it) and on collapsed stacks async-profiler recorded from each model under the cost
 * scenario's load ({@code recorded/profiles}).
 */
class FramePartsTests {

	private static final FrameParts PARTS = FrameParts.standard();

	/** A request thread's root, which no part names. */
	private static final String ROOT = "java/lang/Thread.run;java/lang/Thread.runWith;";

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					kernel     | org/apache/tomcat/util/net/NioEndpoint$NioSocketWrapper.doWrite;sun/nio/ch/SocketDispatcher.write0;__GI_write
					kernel     | io/netty/channel/epoll/Native.epollWait;epoll_wait
					kernel     | sun/nio/ch/SocketDispatcher.write0;write;tcp_sendmsg_[k]
					server     | org/apache/coyote/http11/Http11Processor.service;org/apache/tomcat/util/http/parser/HttpHeaderParser.parseHeader
					server     | io/netty/channel/nio/NioEventLoop.run;reactor/netty/http/server/HttpServerOperations.onInboundNext
					scheduling | org/apache/tomcat/util/threads/TaskQueue.take;java/util/concurrent/locks/LockSupport.park;jdk/internal/misc/Unsafe.park;__futex_abstimed_wait_common
					scheduling | java/lang/VirtualThread.run;jdk/internal/vm/Continuation.run;cont_returnBarrier
					framework  | org/springframework/web/servlet/DispatcherServlet.doDispatch;java/util/HashMap.get
					framework  | tools/jackson/databind/ObjectMapper.writeValueAsBytes;java/lang/String.getBytes
					framework  | reactor/core/publisher/MonoFlatMap$FlatMapMain.onNext
					metrics    | org/springframework/web/filter/ServerHttpObservationFilter.doFilterInternal;io/micrometer/core/instrument/Timer.record
					metrics    | jdk/jfr/internal/consumer/ChunkParser.parse
					workload   | org/springframework/web/servlet/DispatcherServlet.doDispatch;dev/stackbench/workload/Hello.body
					app        | org/apache/catalina/core/ApplicationFilterChain.doFilter;dev/stackbench/servlet/system/AdmissionFilter.doFilter
					other      | jdk/internal/reflect/DirectMethodHandleAccessor.invoke
					""")
	void aSampleBelongsToThePartOfTheFrameNearestItsLeaf(String part, String frames) {
		assertThat(PARTS.partOf(frames(ROOT + frames))).isEqualTo(part);
	}

	@Test
	void aJdkFrameCountsForTheCodeThatCalledIt() {
		assertThat(PARTS.partOf(frames(ROOT + "tools/jackson/core/JsonGenerator.writeString;java/util/HashMap.get")))
			.isEqualTo("framework");
		assertThat(PARTS.partOf(frames(ROOT + "org/apache/coyote/Request.getHeader;java/util/HashMap.get")))
			.isEqualTo("server");
	}

	@Test
	void anAllocationBelongsToTheCodeThatAllocatedItNotToItsType() {
		// async-profiler marks an allocation outside a TLAB _[k], as it marks the
		// kernel's frames.
		CollapsedStacks allocations = CollapsedStacks
			.parse(List.of(ROOT + "org/apache/coyote/http11/Http11OutputBuffer.commit;byte[]_[k] 4096", ROOT
					+ "org/springframework/web/servlet/DispatcherServlet.doDispatch;org/springframework/http/MediaType_[i] 64"));

		assertThat(PARTS.breakDown(allocations, ProfileEvent.ALLOC)).containsEntry("server", 4096L)
			.containsEntry("framework", 64L)
			.containsEntry("kernel", 0L);
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"clone3;start_thread;thread_native_entry;Thread::call_run;JavaThread::thread_main_inner;CompileBroker::compiler_thread_loop;C2Compiler::compile_method;__GI_write",
			"clone3;start_thread;thread_native_entry;Thread::call_run;WorkerThread::run;G1ParScanThreadState::trim_queue;schedule_[k]" })
	void aThreadOfTheJitOrTheCollectorIsWhollyTheirs(String frames) {
		assertThat(PARTS.partOf(frames(frames))).isEqualTo("gc-jit");
	}

	/**
	 * What each model's app spent under the cost scenario's load, recorded with the
	 * comparison's own sampling: no part stays empty where the model has that code, and
	 * what no part names stays under 15% (the bar), on CPU and on allocations.
	 */
	@ParameterizedTest
	@CsvSource({ "platform, cpu", "virtual, cpu", "reactive, cpu", "platform, alloc", "virtual, alloc",
			"reactive, alloc" })
	void recordedProfilesLeaveLittleUnnamed(String model, String event) throws IOException {
		CollapsedStacks profile = recorded(model, event);
		Map<String, Long> parts = PARTS.breakDown(profile, ProfileEvent.of(event));

		assertThat(parts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(profile.total());
		assertThat((double) parts.get(FrameParts.OTHER) / profile.total()).isLessThan(0.15);
		for (String named : List.of("server", "framework", "metrics", "app")) {
			assertThat(parts.get(named)).as(named).isPositive();
		}
		if (event.equals("cpu")) {
			for (String named : List.of("kernel", "scheduling", "gc-jit")) {
				assertThat(parts.get(named)).as(named).isPositive();
			}
		}
	}

	@Test
	void thePartsOfAServletAndAReactiveRequestDifferWhereTheirStacksDo() throws IOException {
		Map<String, Long> platform = PARTS.breakDown(recorded("platform", "cpu"), ProfileEvent.CPU);
		Map<String, Long> reactive = PARTS.breakDown(recorded("reactive", "cpu"), ProfileEvent.CPU);

		// Tomcat hands every request from its poller to a pool thread; Netty's event
		// loop serves it where it read it.
		assertThat(share(platform, "scheduling")).isGreaterThan(2 * share(reactive, "scheduling"));
		// Reactor's operators are WebFlux's own.
		assertThat(share(reactive, "framework")).isGreaterThan(share(platform, "framework"));
	}

	private static double share(Map<String, Long> parts, String part) {
		return (double) parts.get(part) / parts.values().stream().mapToLong(Long::longValue).sum();
	}

	private static List<String> frames(String collapsed) {
		return CollapsedStacks.parse(List.of(collapsed + " 1")).stacks().getFirst().frames();
	}

	static CollapsedStacks recorded(String model, String event) throws IOException {
		String resource = "/recorded/profiles/" + model + "/cost/" + event + ".collapsed.gz";
		try (InputStream in = FramePartsTests.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
			return CollapsedStacks.parse(Arrays.asList(text.split("\n")));
		}
	}

}
