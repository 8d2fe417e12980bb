package dev.stackbench.contract;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous slow requests, served as the serving model predicts
 * ({@link ServingModel.Concurrency}).
 */
interface ConcurrencyContract extends ContractContext {

	@Test
	default void simultaneousSlowRequestsAreServedAsTheModelPredicts() throws Exception {
		Burst burst = sendSimultaneously("/api/slow?delay=" + DELAY.toMillis());
		Duration elapsed = burst.elapsed();
		Set<String> threads = new HashSet<>();
		for (EntityExchangeResult<String> result : burst.results()) {
			assertThat(result.getStatus().value()).isEqualTo(200);
			threads.add(result.getResponseHeaders().getFirst("X-Thread"));
		}
		servingModel().concurrency().assertServed(elapsed, threads, SIMULTANEOUS, DELAY);
	}

	record Burst(List<EntityExchangeResult<String>> results, Duration elapsed) {
	}

	private Burst sendSimultaneously(String path) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService senders = Executors.newFixedThreadPool(SIMULTANEOUS)) {
			List<Future<EntityExchangeResult<String>>> futures = new ArrayList<>();
			for (int i = 0; i < SIMULTANEOUS; i++) {
				futures.add(senders.submit(() -> {
					start.await();
					return client().get().uri(path).exchange().expectBody(String.class).returnResult();
				}));
			}
			long started = System.nanoTime();
			start.countDown();
			List<EntityExchangeResult<String>> results = new ArrayList<>();
			for (Future<EntityExchangeResult<String>> future : futures) {
				results.add(future.get());
			}
			return new Burst(results, Duration.ofNanos(System.nanoTime() - started));
		}
	}

}
