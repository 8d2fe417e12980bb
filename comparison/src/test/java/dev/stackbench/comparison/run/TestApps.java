package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.stackbench.comparison.result.Contender;
import dev.stackbench.comparison.result.ServingModel;

/**
 * Several stacks' apps running at once from their jars, for tests that watch them side by
 * side (the comparison itself never does: it runs one stack at a time). Started in
 * parallel, stopped together.
 */
public final class TestApps implements AutoCloseable {

	private final Map<ServingModel, AppProcess> apps;

	private final Database.Running database;

	private TestApps(Map<ServingModel, AppProcess> apps, Database.Running database) {
		this.apps = apps;
		this.database = database;
	}

	/** The apps, and the PostgreSQL they share, started here and stopped with them. */
	public static TestApps start(Path projectRoot, List<ServingModel> stacks, Path logs) throws Exception {
		Map<ServingModel, AppProcess> apps = new LinkedHashMap<>();
		Database.Running database = Database.startOrUse(Optional.empty());
		try (ExecutorService starter = Executors.newVirtualThreadPerTaskExecutor()) {
			Map<ServingModel, Future<AppProcess>> starting = new LinkedHashMap<>();
			for (ServingModel stack : stacks) {
				// Unpinned, with no arguments beyond the ones every app gets.
				starting.put(stack,
						starter.submit(
								() -> AppProcess.start(Contender.of(stack), projectRoot, CpuSplit.Placement.ANYWHERE,
										database.database().appArguments(), logs.resolve(stack.id() + ".log"))));
			}
			for (Map.Entry<ServingModel, Future<AppProcess>> app : starting.entrySet()) {
				apps.put(app.getKey(), app.getValue().get());
			}
		}
		catch (Exception ex) {
			apps.values().forEach(AppProcess::close);
			database.close();
			throw ex;
		}
		return new TestApps(apps, database);
	}

	public List<URI> baseUrls() {
		return new ArrayList<>(this.apps.values().stream().map((app) -> app.target().baseUrl()).toList());
	}

	public URI baseUrl(ServingModel stack) {
		return this.apps.get(stack).target().baseUrl();
	}

	/** Requests the stack's app is serving right now, from its own metrics. */
	public double inFlight(ServingModel stack) {
		return MetricsSampler.inFlight(this.apps.get(stack).target().actuator("prometheus"));
	}

	/**
	 * Sends the app SIGTERM, as an orchestrator stopping it would, and returns at once.
	 */
	public ProcessHandle terminate(ServingModel stack) {
		ProcessHandle app = this.apps.get(stack).handle();
		app.destroy();
		return app;
	}

	/** {@code 127.0.0.1:port} of a stack's management port, as a Prometheus target. */
	public String managementAuthority(ServingModel stack) {
		return this.apps.get(stack).target().managementUrl().getAuthority();
	}

	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@Override
	public void close() {
		try {
			this.apps.values().forEach(AppProcess::close);
		}
		finally {
			this.database.close();
		}
	}

}
