package dev.stackbench.servlet.downstream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.stackbench.support.StackbenchProperties;
import dev.stackbench.workload.Api;
import dev.stackbench.workload.Downstream;
import dev.stackbench.workload.Query;
import dev.stackbench.workload.SlowPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
class DownstreamController {

	private final RestClient client;

	private final ExecutorService executor;

	private final Duration timeout;

	DownstreamController(RestClient downstreamClient, ExecutorService downstreamExecutor,
			StackbenchProperties properties) {
		this.client = downstreamClient;
		this.executor = downstreamExecutor;
		this.timeout = properties.downstream().timeout();
	}

	/** Each call on a thread of its own; the request thread waits for all of them. */
	@GetMapping(path = Api.DOWNSTREAM, produces = MediaType.APPLICATION_JSON_VALUE)
	Downstream.Combined downstream(HttpServletRequest request) throws InterruptedException {
		Downstream downstream = Downstream.of(Query.parse(request.getQueryString()));
		List<Future<SlowPage>> calls = new ArrayList<>();
		for (long i = 0; i < downstream.calls(); i++) {
			calls.add(this.executor
				.submit(() -> this.client.get().uri(downstream.slowPagePath()).retrieve().body(SlowPage.class)));
		}
		try {
			List<SlowPage> pages = new ArrayList<>();
			for (Future<SlowPage> call : calls) {
				pages.add(call.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS));
			}
			return downstream.combine(pages);
		}
		catch (TimeoutException ex) {
			throw Downstream.timedOut(this.timeout);
		}
		catch (ExecutionException ex) {
			throw Downstream.isTimeout(ex.getCause()) ? Downstream.timedOut(this.timeout) : Downstream.failed();
		}
		finally {
			calls.forEach((call) -> call.cancel(true));
		}
	}

}
