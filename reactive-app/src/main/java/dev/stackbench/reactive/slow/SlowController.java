package dev.stackbench.reactive.slow;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SlowController {

	/**
	 * Waits on a timer, not a thread: the event loop returns to other connections at once and the answer is sent
	 * when the timer fires, so waiting requests cost memory, not threads.
	 */
	@GetMapping(path = Api.SLOW, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<SlowPage> slow(ServerHttpRequest request) {
		SlowPage page = SlowPage.of(Query.parse(request.getURI().getRawQuery()));
		return Mono.delay(page.duration()).thenReturn(page);
	}

}
