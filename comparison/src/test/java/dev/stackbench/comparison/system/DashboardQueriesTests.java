package dev.stackbench.comparison.system;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.stackbench.comparison.result.ServingModel;
import dev.stackbench.comparison.run.TestApps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Proves the Grafana dashboards against a real Prometheus: starts the three apps and
 * Prometheus with the project's own {@code prometheus.yml} (its compose targets pointed
 * at the apps' local ports), drives a mixed load at every app, then evaluates every panel
 * query and every template variable of every dashboard through Prometheus' HTTP API. A
 * query that errors or returns no series fails the test. CI installs Prometheus and fails
 * without it; elsewhere the test is skipped when it is missing.
 */
class DashboardQueriesTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	/**
	 * Compose services and management ports as prometheus.yml names them, and the stack
	 * each one runs.
	 */
	private static final Map<String, ServingModel> COMPOSE_TARGETS = Map.of("servlet-app:9080", ServingModel.PLATFORM,
			"servlet-app-virtual:9082", ServingModel.VIRTUAL, "reactive-app:9081", ServingModel.REACTIVE);

	/**
	 * What Grafana puts in place of the dashboards' variables: every application, every
	 * endpoint.
	 */
	private static final Map<String, String> GRAFANA_VARIABLES = Map.of("$__rate_interval", "20s", "$application", ".*",
			"$endpoint", ".*");

	private static TestApps apps;

	private static Process prometheus;

	private static URI prometheusUrl;

	private static ExecutorService load;

	@BeforeAll
	static void startAppsPrometheusAndLoad(@TempDir Path folder) throws Exception {
		Path binary = Stream.of("/usr/bin/prometheus", "/usr/local/bin/prometheus")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst()
			.orElseGet(() -> {
				if ("true".equals(System.getenv("CI"))) {
					fail("CI proves the dashboards against a real Prometheus; .ci/run installs the Debian package "
							+ "prometheus");
				}
				return abort("Prometheus is not installed");
			});
		apps = TestApps.start(PROJECT, List.of(ServingModel.PLATFORM, ServingModel.VIRTUAL, ServingModel.REACTIVE),
				folder);
		Path config = folder.resolve("prometheus.yml");
		Files.writeString(config, localConfig(Files.readString(PROJECT.resolve("prometheus/prometheus.yml"))));
		int port = TestApps.freePort();
		prometheusUrl = URI.create("http://127.0.0.1:" + port);
		prometheus = new ProcessBuilder(binary.toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + folder.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(folder.resolve("prometheus.log").toFile())
			.start();
		load = Executors.newVirtualThreadPerTaskExecutor();
		Instant until = Instant.now().plusSeconds(90);
		for (URI base : apps.baseUrls()) {
			for (int client = 0; client < 4; client++) {
				load.submit(() -> mixedLoad(base, until));
			}
		}
		awaitScrapes(Duration.ofSeconds(25));
	}

	@AfterAll
	static void stopEverything() {
		if (load != null) {
			load.shutdownNow();
		}
		if (prometheus != null) {
			prometheus.destroy();
		}
		if (apps != null) {
			apps.close();
		}
	}

	@Test
	void everyPanelQueryAndVariableReturnsSeries() throws Exception {
		List<String> failures = new ArrayList<>();
		int checked = 0;
		for (Path dashboard : dashboards()) {
			JsonNode json = JSON.readTree(dashboard.toFile());
			for (JsonNode variable : json.path("templating").path("list")) {
				checked++;
				labelValues(variable.path("definition").asString()).ifPresent((problem) -> failures
					.add(dashboard.getFileName() + " variable " + variable.path("name").asString() + ": " + problem));
			}
			for (JsonNode panel : json.path("panels")) {
				for (JsonNode target : panel.path("targets")) {
					checked++;
					query(target.path("expr").asString()).ifPresent((problem) -> failures
						.add(dashboard.getFileName() + " panel '" + panel.path("title").asString() + "' "
								+ target.path("refId").asString() + ": " + problem));
				}
			}
		}
		System.out.println("stackbench: " + checked + " dashboard queries checked against Prometheus");
		assertThat(failures).as("queries that failed or returned no series").isEmpty();
		assertThat(checked).isGreaterThanOrEqualTo(25);
	}

	@Test
	void dashboardsHaveFixedUidsUniquePanelIdsAndTheFixedDatasource() throws Exception {
		Set<String> uids = new HashSet<>();
		for (Path dashboard : dashboards()) {
			JsonNode json = JSON.readTree(dashboard.toFile());
			assertThat(json.path("uid").asString()).as("uid of %s", dashboard).startsWith("stackbench-");
			assertThat(uids.add(json.path("uid").asString())).as("uid of %s is unique", dashboard).isTrue();
			Set<Integer> ids = new HashSet<>();
			for (JsonNode panel : json.path("panels")) {
				assertThat(ids.add(panel.path("id").asInt())).as("panel id %s in %s", panel.path("id"), dashboard)
					.isTrue();
				assertThat(panel.path("title").asString()).isNotBlank();
				assertThat(panel.path("description").asString()).as("what to look for in '%s'", panel.path("title"))
					.isNotBlank();
				assertThat(panel.path("datasource").path("uid").asString()).isEqualTo("prometheus");
				for (JsonNode target : panel.path("targets")) {
					assertThat(target.path("datasource").path("uid").asString()).isEqualTo("prometheus");
				}
			}
		}
		assertThat(uids).contains("stackbench-comparison", "stackbench-threads-connections");
		assertThat(Files.readString(PROJECT.resolve("grafana/provisioning/datasources/prometheus.yml")))
			.contains("uid: prometheus");
	}

	/**
	 * The project's prometheus.yml with each compose target replaced by the local app
	 * that plays its part.
	 */
	static String localConfig(String composeConfig) {
		String config = composeConfig.replace("scrape_interval: 5s", "scrape_interval: 1s");
		for (Map.Entry<String, ServingModel> target : COMPOSE_TARGETS.entrySet()) {
			assertThat(config).as("prometheus.yml scrapes %s", target.getKey()).contains("\"" + target.getKey() + "\"");
			config = config.replace(target.getKey(), apps.managementAuthority(target.getValue()));
		}
		return config;
	}

	private static List<Path> dashboards() throws IOException {
		try (Stream<Path> files = Files.list(PROJECT.resolve("grafana/dashboards"))) {
			return files.filter((file) -> file.toString().endsWith(".json")).sorted().toList();
		}
	}

	/**
	 * Every endpoint, a few bad requests among them so that error panels have something
	 * to show.
	 */
	private static void mixedLoad(URI base, Instant until) {
		List<HttpRequest> requests = List.of(get(base, "/api/hello"), get(base, "/api/json"),
				get(base, "/api/slow?delay=20"), get(base, "/api/cpu?work=100"), get(base, "/api/slow?delay=-1"),
				HttpRequest.newBuilder(base.resolve("/api/echo"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"ping\":1}"))
					.build());
		while (Instant.now().isBefore(until) && !Thread.currentThread().isInterrupted()) {
			for (HttpRequest request : requests) {
				try {
					CLIENT.send(request, HttpResponse.BodyHandlers.discarding());
				}
				catch (IOException ex) {
					// The app may be stopping at the end of the test.
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}
	}

	private static HttpRequest get(URI base, String path) {
		return HttpRequest.newBuilder(base.resolve(path)).build();
	}

	/**
	 * Waits until Prometheus has scraped every app under load long enough for rates over
	 * the rate interval.
	 */
	private static void awaitScrapes(Duration loadBeforeQueries) throws Exception {
		Instant deadline = Instant.now().plusSeconds(60);
		while (query("sum(up)").isPresent() || !value("sum(up)").equals("3")) {
			assertThat(Instant.now()).as("all three apps up in Prometheus").isBefore(deadline);
			TimeUnit.MILLISECONDS.sleep(500);
		}
		TimeUnit.MILLISECONDS.sleep(loadBeforeQueries.toMillis());
	}

	/**
	 * Evaluates an expression with Grafana's variables filled in; a problem, or empty
	 * when it returned series.
	 */
	private static Optional<String> query(String expression) throws Exception {
		JsonNode response = api("/api/v1/query?query=" + encode(withVariables(expression)));
		if (!"success".equals(response.path("status").asString())) {
			return Optional.of(response.path("error").asString("no answer") + " in " + expression);
		}
		return response.path("data").path("result").isEmpty() ? Optional.of("no series for " + expression)
				: Optional.empty();
	}

	private static String value(String expression) throws Exception {
		JsonNode result = api("/api/v1/query?query=" + encode(expression)).path("data").path("result");
		return result.isEmpty() ? "" : result.get(0).path("value").get(1).asString();
	}

	/**
	 * A {@code label_values(metric{...}, label)} variable, as Grafana asks for it: the
	 * label's values on the series.
	 */
	private static Optional<String> labelValues(String definition) throws Exception {
		String arguments = definition.substring(definition.indexOf('(') + 1, definition.lastIndexOf(')'));
		int comma = arguments.lastIndexOf(',');
		String selector = withVariables(arguments.substring(0, comma).trim());
		String label = arguments.substring(comma + 1).trim();
		JsonNode response = api("/api/v1/label/" + label + "/values?match[]=" + encode(selector));
		if (!"success".equals(response.path("status").asString())) {
			return Optional.of(response.path("error").asString("no answer") + " in " + definition);
		}
		return response.path("data").isEmpty() ? Optional.of("no values for " + definition) : Optional.empty();
	}

	private static String withVariables(String expression) {
		String filled = expression;
		for (Map.Entry<String, String> variable : new LinkedHashMap<>(GRAFANA_VARIABLES).entrySet()) {
			filled = filled.replace(variable.getKey(), variable.getValue());
		}
		return filled;
	}

	private static JsonNode api(String pathAndQuery) throws Exception {
		try {
			HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(prometheusUrl + pathAndQuery))
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofString());
			// Until its storage is ready, Prometheus answers 503 in plain text rather
			// than with an API document.
			boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
			return json ? JSON.readTree(response.body()) : notAnswered("HTTP " + response.statusCode());
		}
		catch (IOException ex) {
			return notAnswered(ex.getClass().getSimpleName());
		}
	}

	private static JsonNode notAnswered(String why) {
		return JSON.createObjectNode().put("status", "unreachable").put("error", why);
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
