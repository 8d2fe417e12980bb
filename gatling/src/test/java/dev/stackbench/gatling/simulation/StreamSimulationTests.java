package dev.stackbench.gatling.simulation;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.stackbench.workload.EventStream;
import dev.stackbench.workload.Query;
import io.gatling.http.action.sse.fsm.ServerSentEvent;
import io.gatling.http.action.sse.fsm.SseStreamDecoder;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StreamSimulationTests {

	@Test
	void byDefaultAThousandStreamsOfTenSecondsDeliverFiveThousandEventsASecond() {
		StreamSimulation.Load load = StreamSimulation.DEFAULTS;
		assertThat(load).isEqualTo(new StreamSimulation.Load(1000, 5, 50, 200, 1000, 0));
		assertThat(load.streamLength()).isEqualTo(Duration.ofSeconds(10));
		assertThat(load.peakStreams()).isEqualTo(1000);
		assertThat(load.peakEventsPerSecond()).isEqualTo(5000);
		StreamSimulation.Load few = new StreamSimulation.Load(100, 10, 10, 100, 200, 0);
		assertThat(few.peakStreams()).as("10 a second, each open for 1 s").isEqualTo(10);
		assertThat(new StreamSimulation.Load(100, 0, 10, 100, 200, 0).peakStreams()).as("all at once").isEqualTo(100);
	}

	@Test
	void aLoadNamesOnlyWhatDiffersFromTheDefaults() {
		assertThat(SimulationLoad.fromJson("{\"subscribers\":100,\"events\":20,\"intervalMillis\":100}",
				StreamSimulation.Load.class, StreamSimulation.DEFAULTS))
			.isEqualTo(new StreamSimulation.Load(100, 5, 20, 100, 1000, 0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SimulationLoad.withOverrides(StreamSimulation.DEFAULTS, Map.of("intervalMillis", "0")))
			.withMessage("intervalMillis must be 1 to 10000 (what /api/stream serves), not 0");
	}

	@Test
	void eachSubscriberAsksForTheStreamOfItsLoad() {
		String path = StreamSimulation.path(50, 200);
		assertThat(path).isEqualTo("/api/stream?count=50&interval=200");
		assertThat(EventStream.of(Query.parse(URI.create(path).getRawQuery()))).isEqualTo(new EventStream(50, 200));
	}

	@Test
	void anEventIsKnownByItsNumberAsGatlingHandsItOver() {
		EventStream stream = new EventStream(50, 200);
		List<ServerSentEvent> decoded = CollectionConverters.asJava(new SseStreamDecoder()
			.decodeStream(Unpooled.wrappedBuffer(concat(stream.event(1), stream.event(2), stream.event(50)))));
		assertThat(decoded).extracting((event) -> StreamSimulation.eventNumber(event.asJsonString(), 50))
			.containsExactly(1L, 2L, 50L);
		assertThat(decoded.getFirst().asJsonString()).as("what the simulation's checks read")
			.isEqualTo("{\"event\":\"tick\",\"id\":\"1\",\"data\":{\"n\":1,\"of\":50}}");
		assertThat(StreamSimulation.eventNumber(decoded.getFirst().asJsonString(), 20)).as("another stream's")
			.isEqualTo(-1);
		assertThat(StreamSimulation.eventNumber("{\"event\":\"tick\",\"id\":\"2\",\"data\":{\"n\":1,\"of\":50}}", 50))
			.as("an id that is not its number")
			.isEqualTo(-1);
		assertThat(StreamSimulation.eventNumber("{\"event\":\"tock\",\"id\":\"1\",\"data\":{\"n\":1,\"of\":50}}", 50))
			.isEqualTo(-1);
		assertThat(StreamSimulation.eventNumber("{\"data\":\"x\"}", 50)).isEqualTo(-1);
		assertThat(StreamSimulation.eventNumber("not json", 50)).isEqualTo(-1);
	}

	@Test
	void itsRowsHaveNamesOfTheirOwn() {
		assertThat(List.of(StreamSimulation.CONNECT, StreamSimulation.STREAM, StreamSimulation.LATENESS))
			.doesNotHaveDuplicates()
			.allMatch((name) -> name.startsWith("stream: "));
		assertThat(StreamSimulation.EVENTS).isEqualTo(StreamSimulation.LATENESS);
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			bytes.writeBytes(part);
		}
		return bytes.toByteArray();
	}

}
