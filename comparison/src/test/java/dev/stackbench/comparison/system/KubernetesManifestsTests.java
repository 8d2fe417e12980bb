package dev.stackbench.comparison.system;

import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.google.gson.Gson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import dev.stackbench.comparison.result.ServingModel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * {@code deploy/kubernetes} rendered by kustomize ({@code kubectl kustomize}, as a user
 * renders it) and every object validated against the Kubernetes API's schema by the
 * official Kubernetes Java client's models, which are generated from it and refuse an
 * unknown field, a missing required one and a value of the wrong type. Then the wiring no
 * schema knows: every serving model's Deployment runs its app with its profile and is
 * probed on its management port, Services and autoscalers point at what exists, graceful
 * shutdown fits in the grace period, and the dashboards are compose's files. CI installs
 * kubectl and fails without it; elsewhere the test is skipped.
 */
class KubernetesManifestsTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private static final Path KUBERNETES = PROJECT.resolve("deploy/kubernetes");

	private static final String MODELS = "io.kubernetes.client.openapi.models.";

	private static final Gson GSON = new Gson();

	@ParameterizedTest
	@ValueSource(strings = { ".", "postgres", "monitoring", "overlays/platform", "overlays/virtual",
			"overlays/single-thread", "overlays/reactive", "overlays/single-loop" })
	void everyObjectRendersAndIsValidAgainstTheKubernetesApi(String kustomization) {
		List<Map<String, Object>> objects = render(kustomization);
		assertThat(objects).isNotEmpty();
		for (Map<String, Object> object : objects) {
			Optional<String> problem = validate(object);
			assertThat(problem).as("%s %s in %s", object.get("kind"), name(object), kustomization).isEmpty();
		}
	}

	@Test
	void aWrongFieldFailsTheValidation() {
		Map<String, Object> deployment = deployment(render("overlays/platform"), "stackbench-platform");
		assertThat(validate(deployment)).isEmpty();
		assertThat(validate(edited(deployment, (copy) -> spec(copy).put("replica", 2))))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("replica"));
		assertThat(validate(edited(deployment, (copy) -> spec(copy).put("replicas", "two")))).isPresent();
		assertThat(validate(edited(deployment, (copy) -> container(copy).put("readinesProbe", Map.of()))))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("readinesProbe"));
		assertThat(validate(edited(deployment, (copy) -> spec(copy).remove("selector"))))
			.hasValueSatisfying((problem) -> assertThat(problem).contains("selector"));
		assertThat(validate(Map.of("apiVersion", "apps/v1", "kind", "Deploymnet"))).isPresent();
	}

	@Test
	void everyServingModelRunsItsAppWithItsProfileAndIsProbedOnItsManagementPort() throws IOException {
		List<Map<String, Object>> objects = render(".");
		Properties shared = properties(PROJECT.resolve("app-support/src/main/resources/stackbench-shared.properties"));
		int shutdownSeconds = Integer
			.parseInt(shared.getProperty("spring.lifecycle.timeout-per-shutdown-phase").replace("s", ""));
		for (ServingModel model : ServingModel.values()) {
			String name = "stackbench-" + model.id();
			Map<String, Object> deployment = deployment(objects, name);
			Map<String, Object> container = container(deployment);
			Properties app = properties(PROJECT.resolve(model.app() + "/src/main/resources/application.properties"));
			assertThat(container.get("image")).as(name).isEqualTo("stackbench/" + model.app() + ":local");
			assertThat(environment(container)).as(name).containsEntry("SPRING_PROFILES_ACTIVE", model.profile());
			Map<String, Integer> ports = ports(container);
			assertThat(ports).as(name)
				.containsEntry("http", Integer.valueOf(app.getProperty("server.port")))
				.containsEntry("management", Integer.valueOf(app.getProperty("management.server.port")));
			for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
				Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
				assertThat(httpGet.get("port")).as("%s's %s", name, probe).isEqualTo("management");
				assertThat((String) httpGet.get("path")).startsWith("/actuator/health/");
			}
			assertThat(map(map(template(deployment).get("metadata")).get("annotations")))
				.containsEntry("prometheus.io/scrape", "true")
				.containsEntry("prometheus.io/port", app.getProperty("management.server.port"))
				.containsEntry("prometheus.io/path", "/actuator/prometheus");
			Map<String, Object> resources = map(container.get("resources"));
			assertThat(resources.get("requests")).as("%s: requests equal limits", name)
				.isEqualTo(resources.get("limits"));
			List<?> preStop = (List<?>) map(map(map(container.get("lifecycle")).get("preStop")).get("exec"))
				.get("command");
			int sleepSeconds = Integer.parseInt(preStop.getLast().toString());
			assertThat((Integer) map(template(deployment).get("spec")).get("terminationGracePeriodSeconds"))
				.as("%s: the grace period holds the preStop sleep and Spring Boot's graceful shutdown", name)
				.isGreaterThan(sleepSeconds + shutdownSeconds);
			assertThat(service(objects, name)).as(name).satisfies((service) -> {
				assertThat(labels(template(deployment))).containsAllEntriesOf(map(spec(service).get("selector")));
				for (Object port : (List<?>) spec(service).get("ports")) {
					assertThat(ports).containsKey((String) map(port).get("targetPort"));
				}
			});
			Map<String, Object> autoscaler = named(objects, "HorizontalPodAutoscaler", name);
			assertThat(map(spec(autoscaler).get("scaleTargetRef"))).containsEntry("kind", "Deployment")
				.containsEntry("name", name);
		}
	}

	@Test
	void theDatabaseAndTheDashboardsAreTheOnesComposeUses() throws IOException {
		List<Map<String, Object>> objects = render(".");
		Map<String, Object> postgres = deployment(objects, "postgres");
		assertThat(container(postgres).get("image").toString()).startsWith("postgres:18.4");
		assertThat(environment(container(postgres))).containsEntry("POSTGRES_DB", "stackbench")
			.containsEntry("POSTGRES_USER", "stackbench");
		assertThat(service(objects, "postgres")).isNotNull();
		Map<String, Object> dashboards = named(objects, "ConfigMap", "stackbench-grafana-dashboards");
		Map<String, Object> data = map(dashboards.get("data"));
		try (Stream<Path> files = Files.list(PROJECT.resolve("grafana/dashboards"))) {
			Map<String, String> expected = new LinkedHashMap<>();
			for (Path file : files.toList()) {
				expected.put(file.getFileName().toString(), Files.readString(file));
			}
			assertThat(data).isEqualTo(expected);
		}
	}

	/**
	 * The Kubernetes API's own model of the object's kind validates it, as the API
	 * server's decoder would: a problem in words, or nothing.
	 */
	static Optional<String> validate(Map<String, Object> object) {
		String apiVersion = String.valueOf(object.get("apiVersion"));
		String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
		String model = MODELS + Character.toUpperCase(version.charAt(0)) + version.substring(1) + object.get("kind");
		try {
			Class.forName(model).getMethod("fromJson", String.class).invoke(null, GSON.toJson(object));
			return Optional.empty();
		}
		catch (ClassNotFoundException ex) {
			return Optional.of("the Kubernetes API has no " + object.get("kind") + " in " + apiVersion);
		}
		catch (InvocationTargetException ex) {
			return Optional.of(String.valueOf(ex.getCause().getMessage()));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The objects {@code kubectl kustomize} renders from a folder of deploy/kubernetes.
	 */
	private static List<Map<String, Object>> render(String kustomization) {
		Optional<Path> kubectl = Stream.of("/usr/bin/kubectl", "/usr/local/bin/kubectl")
			.map(Path::of)
			.filter(Files::isExecutable)
			.findFirst();
		if (kubectl.isEmpty()) {
			if ("true".equals(System.getenv("CI"))) {
				fail("CI renders deploy/kubernetes with kubectl's kustomize; .ci/run installs it when missing");
			}
			abort("kubectl is not installed (it renders deploy/kubernetes with kustomize)");
		}
		String version = run(kubectl.get().toString(), "version", "--client");
		assertThat(version)
			.as("deploy/kubernetes uses kustomize's components and labels, which need kubectl's "
					+ "kustomize v4 or newer; this kubectl says: %s", version)
			.containsPattern("Kustomize Version: v([4-9]|\\d\\d)\\.");
		// The dashboards' files live in grafana/ at the root, outside the kustomization
		// (monitoring/kustomization.yaml says why).
		String rendered = run(kubectl.get().toString(), "kustomize", "--load-restrictor", "LoadRestrictionsNone",
				KUBERNETES.resolve(kustomization).toString());
		List<Map<String, Object>> objects = new ArrayList<>();
		for (Object document : new Yaml().loadAll(rendered)) {
			if (document != null) {
				objects.add(map(document));
			}
		}
		return objects;
	}

	/** What a command printed; it must succeed. */
	private static String run(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			String output = new String(process.getInputStream().readAllBytes());
			assertThat(process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
			return output;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> edited(Map<String, Object> object,
			java.util.function.Consumer<Map<String, Object>> edit) {
		Map<String, Object> copy = map(new Yaml().load(new Yaml().dump(object)));
		edit.accept(copy);
		return copy;
	}

	private static Map<String, Object> deployment(List<Map<String, Object>> objects, String name) {
		return named(objects, "Deployment", name);
	}

	private static Map<String, Object> service(List<Map<String, Object>> objects, String name) {
		return named(objects, "Service", name);
	}

	private static Map<String, Object> named(List<Map<String, Object>> objects, String kind, String name) {
		return objects.stream()
			.filter((object) -> kind.equals(object.get("kind")) && name.equals(name(object)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
	}

	private static String name(Map<String, Object> object) {
		return String.valueOf(map(object.get("metadata")).get("name"));
	}

	private static Map<String, Object> spec(Map<String, Object> object) {
		return map(object.get("spec"));
	}

	private static Map<String, Object> template(Map<String, Object> deployment) {
		return map(spec(deployment).get("template"));
	}

	private static Map<String, Object> container(Map<String, Object> deployment) {
		return map(((List<?>) map(template(deployment).get("spec")).get("containers")).getFirst());
	}

	private static Map<String, Object> labels(Map<String, Object> template) {
		return map(map(template.get("metadata")).get("labels"));
	}

	private static Map<String, String> environment(Map<String, Object> container) {
		Map<String, String> environment = new LinkedHashMap<>();
		for (Object variable : (List<?>) container.get("env")) {
			Map<String, Object> entry = map(variable);
			if (entry.containsKey("value")) {
				environment.put((String) entry.get("name"), (String) entry.get("value"));
			}
		}
		return environment;
	}

	private static Map<String, Integer> ports(Map<String, Object> container) {
		Map<String, Integer> ports = new LinkedHashMap<>();
		for (Object port : (List<?>) container.get("ports")) {
			ports.put((String) map(port).get("name"), (Integer) map(port).get("containerPort"));
		}
		return ports;
	}

	private static Properties properties(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		return properties;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> map(Object value) {
		assertThat(value).isInstanceOf(Map.class);
		return (Map<String, Object>) value;
	}

}
