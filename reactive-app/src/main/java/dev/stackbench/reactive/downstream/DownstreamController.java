package dev.stackbench.reactive.downstream;

import java.time.Duration;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Downstream;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;

@RestController
class DownstreamController {

	private final WebClient client;

	private final Duration timeout;

	DownstreamController(WebClient downstreamClient, StackbenchProperties properties) {
		this.client = downstreamClient;
		this.timeout = properties.downstream().timeout();
	}

	/**
	 * Every call in flight at once, no thread waiting on any of them; the answers are
	 * combined in call order.
	 */
	@GetMapping(path = Api.DOWNSTREAM, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<Downstream.Combined> downstream(ServerHttpRequest request) {
		Downstream downstream = Downstream.of(Query.parse(request.getURI().getRawQuery()));
		int calls = (int) downstream.calls();
		return Flux.range(0, calls)
			.flatMapSequential(
					(call) -> this.client.get().uri(downstream.slowPagePath()).retrieve().bodyToMono(SlowPage.class),
					calls)
			.collectList()
			.map(downstream::combine)
			.onErrorMap((ex) -> !(ex instanceof ProblemException),
					(ex) -> Downstream.isTimeout(ex) ? Downstream.timedOut(this.timeout) : Downstream.failed());
	}

}
