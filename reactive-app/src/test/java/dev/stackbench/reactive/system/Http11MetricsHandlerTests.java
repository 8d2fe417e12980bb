package dev.stackbench.reactive.system;

import dev.stackbench.workload.Api;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;
import reactor.netty.NettyPipeline;

import static org.assertj.core.api.Assertions.assertThat;

class Http11MetricsHandlerTests {

	@Test
	void tagsTheRequestsPathWhateverFormItsTargetTakes() {
		assertThat(Http11MetricsHandler.path("/api/hello?name=x")).isEqualTo("/api/hello");
		assertThat(Http11MetricsHandler.path("http://localhost:8080/api/echo?x")).isEqualTo("/api/echo");
		assertThat(Http11MetricsHandler.path("http://localhost:8080")).isEqualTo("/");
		assertThat(Http11MetricsHandler.path("*")).isEqualTo("/");
	}

	@Test
	void countsARequestsBytesBothWaysAndItsConnectionActiveUntilTheAnswerIsWritten() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		ServerMetricsRecorder recorder = new ServerMetricsRecorder(registry);
		EmbeddedChannel channel = new EmbeddedChannel();
		channel.pipeline().addFirst(NettyPipeline.HttpCodec, new io.netty.channel.ChannelDuplexHandler());
		Http11MetricsHandler.install(channel.pipeline(), recorder);

		channel.writeInbound(new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/api/echo?x=1"));
		channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[10])));
		assertThat(registry.get("reactor.netty.http.server.connections.active").gauge().value()).isEqualTo(1);

		channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
				Unpooled.wrappedBuffer(new byte[7])));
		assertThat(registry.get("reactor.netty.http.server.connections.active").gauge().value()).isZero();
		assertThat(
				registry.get("reactor.netty.http.server.data.received").tag("uri", Api.ECHO).functionCounter().count())
			.isEqualTo(10);
		assertThat(registry.get("reactor.netty.http.server.data.sent").tag("uri", Api.ECHO).functionCounter().count())
			.isEqualTo(7);
		assertThat(registry.get("reactor.netty.http.server.data.received.time")
			.tag("uri", Api.ECHO)
			.functionTimer()
			.count()).isEqualTo(1);
		channel.finishAndReleaseAll();
	}

}
