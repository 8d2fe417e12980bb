package dev.stackbench.reactive.slow;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import java.util.concurrent.TimeUnit;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlowController {

	/**
	 * Waits on a timer, not a thread: the event loop returns to other connections at once
	 * and the answer is sent when the timer fires, so waiting requests cost memory, not
	 * threads. The timer is the connection's own event loop's: {@code Mono.delay} would
	 * fire on Reactor's parallel scheduler and hand the answer back to the loop across
	 * threads, which at 1,000 connections on 2 cores cost about a fifth of the
	 * throughput.
	 */
	@GetMapping(path = Api.SLOW, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<SlowPage> slow(ServerHttpRequest request) {
		SlowPage page = SlowPage.of(Query.parse(request.getURI().getRawQuery()));
		EventLoop loop = ((Connection) ServerHttpRequestDecorator.getNativeRequest(request)).channel().eventLoop();
		return Mono.create((sink) -> {
			ScheduledFuture<?> timer = loop.schedule(() -> sink.success(page), page.delay(), TimeUnit.MILLISECONDS);
			sink.onCancel(() -> timer.cancel(false));
		});
	}

}
