package dev.stackbench.reactive.cpu;

import dev.stackbench.workload.Api;
import dev.stackbench.workload.CpuWork;
import dev.stackbench.workload.Query;
import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CpuController {

	/**
	 * Computes on the event loop itself. CPU-bound work has no waiting for another thread
	 * to hide, so handing it to a worker pool would only add a thread hop; the work is
	 * bounded (tens of milliseconds at most), which is what keeps the loop's other
	 * connections served. docs/tuning.md discusses the alternative.
	 */
	@GetMapping(path = Api.CPU, produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<CpuWork> cpu(ServerHttpRequest request) {
		Query query = Query.parse(request.getURI().getRawQuery());
		return Mono.fromSupplier(() -> CpuWork.of(query));
	}

}
