package dev.stackbench.comparison.system;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo stack's wiring, checked without Docker: every Prometheus target is a compose
 * service on the port its app really listens on, every app service publishes the ports it
 * listens on, and Grafana's mounts match its provisioning. A port changed in one place
 * and not the others fails here.
 */
class ComposeWiringTests {

	private static final Path PROJECT = Path.of("..").toAbsolutePath().normalize();

	private final Map<String, Map<String, Object>> services = services();

	@Test
	void everyPrometheusTargetIsAComposeServiceOnItsManagementPort() throws IOException {
		List<String> targets = new ArrayList<>();
		Matcher matcher = Pattern.compile("targets: \\[\"([^\"]+)\"]")
			.matcher(Files.readString(PROJECT.resolve("prometheus/prometheus.yml")));
		while (matcher.find()) {
			targets.add(matcher.group(1));
		}
		assertThat(targets).hasSize(3);
		for (String target : targets) {
			String service = target.substring(0, target.indexOf(':'));
			String port = target.substring(target.indexOf(':') + 1);
			assertThat(this.services).as("compose services").containsKey(service);
			assertThat(listens(service, "management.server.port", "MANAGEMENT_SERVER_PORT"))
				.as("%s's management port", service)
				.isEqualTo(port);
		}
	}

	@Test
	void everyAppServicePublishesThePortsItListensOn() {
		for (String service : List.of("servlet-app", "servlet-app-virtual", "reactive-app")) {
			List<String> published = stringList(this.services.get(service).get("ports"));
			String port = listens(service, "server.port", "SERVER_PORT");
			String management = listens(service, "management.server.port", "MANAGEMENT_SERVER_PORT");
			assertThat(published).as("%s's published ports", service)
				.contains(port + ":" + port, management + ":" + management);
		}
		assertThat(listens("servlet-app-virtual", "server.port", "SERVER_PORT")).isEqualTo("8082");
		assertThat(environment("servlet-app-virtual")).containsEntry("SPRING_PROFILES_ACTIVE", "virtual");
	}

	@Test
	void theLoadBalancerSpreadsOverServicesOnTheirAppPorts() {
		String nginx = String.join("\n", stringList(this.services.get("lb").get("command")));
		Matcher matcher = Pattern.compile("server ([a-z-]+):(\\d+)[ ;]").matcher(nginx);
		int upstreams = 0;
		while (matcher.find()) {
			upstreams++;
			assertThat(this.services).containsKey(matcher.group(1));
			assertThat(listens(matcher.group(1), "server.port", "SERVER_PORT")).isEqualTo(matcher.group(2));
		}
		assertThat(upstreams).isEqualTo(4);
	}

	/**
	 * Every app service, replicas included, waits for a healthy postgres and connects to
	 * it with the database, user and password the postgres service creates; postgres has
	 * a pinned image, a health check and an app's box.
	 */
	@Test
	void everyAppConnectsToThePostgresServiceAsItIsSetUp() throws IOException {
		Map<String, Object> postgres = this.services.get("postgres");
		assertThat(String.valueOf(postgres.get("image"))).matches("postgres:\\d+\\.\\d+-alpine");
		assertThat(stringList(((Map<?, ?>) postgres.get("healthcheck")).get("test"))).contains("pg_isready");
		Properties shared = new Properties();
		try (Reader reader = Files
			.newBufferedReader(PROJECT.resolve("app-support/src/main/resources/stackbench-shared.properties"))) {
			shared.load(reader);
		}
		assertThat(environment("postgres")).containsEntry("POSTGRES_DB", shared.getProperty("stackbench.db.name"))
			.containsEntry("POSTGRES_USER", shared.getProperty("stackbench.db.username"))
			.containsEntry("POSTGRES_PASSWORD", shared.getProperty("stackbench.db.password"));
		assertThat(shared.getProperty("stackbench.db.port")).isEqualTo("5432");
		List<String> apps = this.services.entrySet()
			.stream()
			.filter((service) -> service.getValue().containsKey("build")
					&& String.valueOf(((Map<?, ?>) service.getValue().get("build")).get("target")).endsWith("-app"))
			.map(Map.Entry::getKey)
			.toList();
		assertThat(apps).hasSize(5);
		for (String app : apps) {
			assertThat(environment(app)).as("%s's database host", app).containsEntry("STACKBENCH_DB_HOST", "postgres");
			assertThat(((Map<?, ?>) this.services.get(app).get("depends_on")).get("postgres"))
				.as("%s waits for postgres", app)
				.isEqualTo(Map.of("condition", "service_healthy"));
			assertThat(postgres.get("cpus")).as("postgres has %s's CPUs", app)
				.isEqualTo(this.services.get(app).get("cpus"));
			assertThat(postgres.get("mem_limit")).as("and its memory")
				.isEqualTo(this.services.get(app).get("mem_limit"));
		}
	}

	/** The image's build reads the whole reactor: every module's pom must be in it. */
	@Test
	void theImageBuildHasEveryModulesPom() throws IOException {
		String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
		Matcher modules = Pattern.compile("<module>([^<]+)</module>")
			.matcher(Files.readString(PROJECT.resolve("pom.xml")));
		int count = 0;
		while (modules.find()) {
			count++;
			assertThat(dockerfile).contains("COPY " + modules.group(1) + "/pom.xml " + modules.group(1) + "/");
		}
		assertThat(count).isEqualTo(10);
	}

	/**
	 * Images a user builds fast and can rebuild next year alike: every base image on a
	 * pinned version (a JDK 25 for the apps, Prometheus 3 and Grafana 12 or newer),
	 * Maven's repository a cache mount, and each app shipped as Spring Boot's layers,
	 * least changing first, started by Boot's launcher.
	 */
	@Test
	void imagesArePinnedAndTheAppsShipInSpringBootsLayers() throws IOException {
		String dockerfile = Files.readString(PROJECT.resolve("Dockerfile"));
		assertThat(dockerfile).containsPattern("ARG JDK_IMAGE=eclipse-temurin:25[0-9._]*-jdk-[a-z]+\n")
			.containsPattern("ARG JRE_IMAGE=eclipse-temurin:25[0-9._]*-jre-[a-z]+\n")
			.contains("RUN --mount=type=cache,target=/root/.m2")
			.contains("-Djarmode=tools -jar", "extract --layers --launcher");
		for (String app : List.of("servlet-app", "reactive-app")) {
			String stage = dockerfile.substring(dockerfile.indexOf("FROM runtime AS " + app));
			stage = stage.substring(0, stage.indexOf("ENTRYPOINT"));
			List<Integer> layers = new ArrayList<>();
			for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
				layers
					.add(stage.indexOf("COPY --from=build /workspace/" + app + "/target/layers/" + layer + "/ /app/"));
			}
			assertThat(layers).as("%s's layers, least changing first", app).doesNotContain(-1).isSorted();
		}
		assertThat(dockerfile).contains("\"org.springframework.boot.loader.launch.JarLauncher\"]");
		for (Map<String, Object> service : this.services.values()) {
			String image = (String) service.get("image");
			assertThat(image).as("every service's image is pinned to a version")
				.matches("stackbench/[a-z-]+:local|[a-z/.-]+:v?\\d+\\.\\d+(\\.\\d+)?[a-z0-9._-]*");
		}
		assertThat(major((String) this.services.get("prometheus").get("image"))).isGreaterThanOrEqualTo(3);
		assertThat(major((String) this.services.get("grafana").get("image"))).isGreaterThanOrEqualTo(12);
	}

	private static int major(String image) {
		return Integer.parseInt(image.substring(image.indexOf(':') + 1).replaceFirst("^v", "").split("\\.")[0]);
	}

	@Test
	void grafanaMountsItsProvisioningAndHomeDashboard() throws IOException {
		List<String> volumes = stringList(this.services.get("grafana").get("volumes"));
		assertThat(volumes).contains("./grafana/provisioning:/etc/grafana/provisioning:ro",
				"./grafana/dashboards:/var/lib/grafana/dashboards:ro");
		assertThat(Files.readString(PROJECT.resolve("grafana/provisioning/dashboards/stackbench.yml")))
			.contains("path: /var/lib/grafana/dashboards");
		String home = environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
		assertThat(PROJECT.resolve("grafana/dashboards").resolve(Path.of(home).getFileName())).exists();
		assertThat(stringList(this.services.get("prometheus").get("volumes")))
			.contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
	}

	/**
	 * The port a service's app listens on: its environment's override, or else the app's
	 * own default.
	 */
	private String listens(String service, String property, String environmentVariable) {
		String override = environment(service).get(environmentVariable);
		return (override != null) ? override : appDefaults(service).getProperty(property);
	}

	private Properties appDefaults(String service) {
		Object build = this.services.get(service).get("build");
		String app = String.valueOf(((Map<?, ?>) build).get("target"));
		Properties properties = new Properties();
		try (Reader reader = Files
			.newBufferedReader(PROJECT.resolve(app).resolve("src/main/resources/application.properties"))) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return properties;
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> environment(String service) {
		return (Map<String, String>) this.services.get(service).getOrDefault("environment", Map.of());
	}

	private static List<String> stringList(Object value) {
		return ((List<?>) value).stream().map(String::valueOf).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> services() {
		try (Reader reader = Files.newBufferedReader(PROJECT.resolve("docker-compose.yml"))) {
			Map<String, Object> compose = new Yaml().load(reader);
			return (Map<String, Map<String, Object>>) compose.get("services");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
