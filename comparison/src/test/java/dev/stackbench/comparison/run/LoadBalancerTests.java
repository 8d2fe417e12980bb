package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The comparison's nginx, for real, in front of two small HTTP servers on loopback: it
 * spreads requests over both, keeps answering when one goes away (passive health checks
 * and a retry of idempotent requests), sends a replica nothing once it is taken out of
 * the rotation and again once it is put back, and leaves no process behind. CI installs
 * nginx and fails without it; elsewhere the test is skipped.
 */
class LoadBalancerTests {

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Replica> replicas = List.of(new Replica(), new Replica());

	@TempDir
	Path folder;

	@BeforeEach
	void nginxIsInstalled() {
		if (LoadBalancer.binary().isEmpty()) {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI runs the replicas' load balancer for real; .ci/run installs nginx-light when missing");
			}
			abort("nginx is not installed (apt-get install nginx-light)");
		}
	}

	@AfterEach
	void stopReplicas() {
		this.replicas.forEach(Replica::stop);
	}

	@Test
	void spreadsRequestsOverEveryReplicaAndStopsWithNothingLeft() throws Exception {
		LoadBalancer balancer = start();
		assertThat(send(balancer, 100)).isEqualTo(100);
		assertThat(this.replicas).allSatisfy((replica) -> assertThat(replica.served.get()).isGreaterThanOrEqualTo(25));
		assertThat(balancer.cpuSeconds()).isNotNegative();
		assertThat(LoadBalancer.ownAndReapedCpuSeconds(ProcessHandle.current().pid())).isPositive();
		assertThat(balancer.tuning()).containsEntry("balancer.method", "round robin")
			.containsEntry("balancer.max-fails", 1);
		List<ProcessHandle> nginx = balancer.processes();
		assertThat(nginx).hasSizeGreaterThanOrEqualTo(2).allMatch(ProcessHandle::isAlive);
		balancer.close();
		assertThat(nginx).noneMatch(ProcessHandle::isAlive);
	}

	@Test
	void aReplicaThatGoesAwayCostsNoRequest() throws Exception {
		try (LoadBalancer balancer = start()) {
			this.replicas.getLast().stop();
			int before = this.replicas.getFirst().served.get();
			assertThat(send(balancer, 40)).isEqualTo(40);
			assertThat(this.replicas.getFirst().served.get() - before).isEqualTo(40);
		}
	}

	@Test
	void aReplicaOutOfTheRotationGetsNothingUntilItIsPutBack() throws Exception {
		try (LoadBalancer balancer = start()) {
			// Enough requests for the workers' CPU to show in /proc's 10 ms ticks.
			assertThat(send(balancer, 3_000)).isEqualTo(3_000);
			double cpu = balancer.cpuSeconds();
			assertThat(cpu).isPositive();
			balancer.exclude(1);
			int excluded = this.replicas.getLast().served.get();
			assertThat(send(balancer, 40)).isEqualTo(40);
			assertThat(this.replicas.getLast().served.get()).isEqualTo(excluded);
			balancer.include(1);
			assertThat(send(balancer, 40)).isEqualTo(40);
			assertThat(this.replicas.getLast().served.get()).isGreaterThan(excluded);
			assertThat(balancer.cpuSeconds()).as("the CPU of the workers two reloads retired still counts")
				.isGreaterThanOrEqualTo(cpu);
		}
	}

	private LoadBalancer start() throws IOException {
		return LoadBalancer.start(this.replicas.stream().map(Replica::uri).toList(), CpuSplit.Placement.ANYWHERE,
				this.folder);
	}

	/** GETs through the balancer, one after the other; how many were answered 200. */
	private static int send(LoadBalancer balancer, int requests) throws Exception {
		int ok = 0;
		for (int request = 0; request < requests; request++) {
			HttpResponse<String> response = CLIENT.send(
					HttpRequest.newBuilder(balancer.baseUrl().resolve("/api/hello")).build(),
					HttpResponse.BodyHandlers.ofString());
			ok += (response.statusCode() == 200 && response.body().equals("Hello World")) ? 1 : 0;
		}
		return ok;
	}

	/** A server on a free loopback port that answers every request and counts them. */
	private static final class Replica {

		private final AtomicInteger served = new AtomicInteger();

		private final HttpServer server;

		Replica() {
			try {
				this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			this.server.createContext("/", (exchange) -> {
				this.served.incrementAndGet();
				byte[] body = "Hello World".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(200, body.length);
				exchange.getResponseBody().write(body);
				exchange.close();
			});
			this.server.start();
		}

		URI uri() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		}

		void stop() {
			this.server.stop(0);
		}

	}

}
