package dev.stackbench.reactive.antipattern;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * THE ANTI-PATTERN, on purpose: the slow page written as a servlet programmer would, with
 * {@code Thread.sleep} on the thread that called the handler, which here is an event
 * loop. While it sleeps, that loop serves none of the other connections it owns, so their
 * requests, however cheap, wait for the sleep to end. The workshop's exercise on blocking
 * an event loop runs it against the {@code single-loop} profile, where the loop owns
 * every connection. {@code /api/slow} is the right way: a timer, and no thread waits.
 */
@RestController
class BlockEventLoopController {

	@GetMapping(path = Api.BLOCK_EVENT_LOOP, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<SlowPage> blockTheEventLoop(ServerHttpRequest request) throws InterruptedException {
		SlowPage page = SlowPage.of(Query.parse(request.getURI().getRawQuery()));
		Thread.sleep(page.duration());
		return Mono.just(page);
	}

}
