package dev.stackbench.reactive.stream;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.EventStream;
import dev.stackbench.workload.Query;
import reactor.core.publisher.Flux;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class StreamController {

	/**
	 * One event per tick of a timer: no thread waits between events. A client that goes
	 * away cancels the flux, which stops the timer.
	 */
	@GetMapping(path = Api.STREAM, produces = EventStream.MEDIA_TYPE)
	Flux<ServerSentEvent<String>> stream(ServerHttpRequest request) {
		EventStream stream = EventStream.of(Query.parse(request.getURI().getRawQuery()));
		return Flux.interval(stream.intervalDuration())
			.take(stream.count())
			.map((tick) -> tick + 1)
			.map((n) -> ServerSentEvent.builder(stream.data(n))
				.id(Long.toString(n))
				.event(EventStream.EVENT_NAME)
				.build());
	}

}
