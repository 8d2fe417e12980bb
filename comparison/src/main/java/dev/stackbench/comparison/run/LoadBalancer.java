package dev.stackbench.comparison.run;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real nginx in front of a stack's replicas, started by the comparison with a
 * configuration it writes, the same for every stack: round robin, keep-alive connections
 * to the replicas, and nginx's passive health checks (a replica that refuses or drops a
 * request is left out for {@link #FAIL_TIMEOUT_SECONDS}, and an idempotent request is
 * sent to the next one). Closing it stops nginx.
 */
final class LoadBalancer implements AutoCloseable {

	/**
	 * Idle keep-alive connections each worker keeps to the replicas: more than the
	 * concurrency of any scenario that does not flood on purpose, so that the balancer
	 * does not open a connection per request to the app behind it.
	 */
	static final int UPSTREAM_KEEPALIVE = 256;

	/**
	 * One failed attempt takes a replica out of the rotation for this long, after which
	 * one request tries it again: short, so that a restarted replica takes traffic soon
	 * after it listens; each try of a dead one costs a refused connect on loopback and a
	 * retry, not a failed request.
	 */
	static final int FAIL_TIMEOUT_SECONDS = 2;

	/**
	 * An idempotent request goes to at most this many replicas: the one that failed it
	 * and one more.
	 */
	static final int NEXT_UPSTREAM_TRIES = 2;

	/**
	 * Client connections a worker holds at once: a connection flood's 4,000 with room,
	 * each also holding one to a replica.
	 */
	private static final int WORKER_CONNECTIONS = 16_384;

	private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

	private static final String CONFIGURATION = "nginx.conf";

	/**
	 * The unit of {@code /proc}'s CPU times, {@code USER_HZ}: 100 on every Linux the
	 * comparison runs on (the kernel's ABI fixes it for user space on x86 and arm).
	 */
	private static final int CLOCK_TICKS = 100;

	/**
	 * The longest a reload's retired workers are given to finish their requests to a
	 * replica taken out of the rotation.
	 */
	private static final Duration RETIRE_TIMEOUT = Duration.ofSeconds(15);

	private final Process process;

	private final URI baseUrl;

	private final Map<String, Object> tuning;

	/** nginx's master, stopped when closed; SIGTERM is its fast shutdown. */
	private final StartedProcess started;

	private final Path nginx;

	private final Path folder;

	private final List<URI> replicas;

	private final int workers;

	/** Replicas taken out of the rotation, by index from 0. */
	private final Set<Integer> down = new TreeSet<>();

	private LoadBalancer(Process process, URI baseUrl, Map<String, Object> tuning, Path nginx, Path folder,
			List<URI> replicas, int workers) {
		this.process = process;
		this.baseUrl = baseUrl;
		this.tuning = tuning;
		this.nginx = nginx;
		this.folder = folder;
		this.replicas = replicas;
		this.workers = workers;
		this.started = new StartedProcess(process, "nginx", Duration.ofSeconds(10));
	}

	/**
	 * Starts nginx on a free port of 127.0.0.1 in front of {@code replicas}, on the app's
	 * cores (a balancer is part of what serves), with its configuration, logs and
	 * temporary files in {@code folder}.
	 */
	static LoadBalancer start(List<URI> replicas, CpuSplit.Placement placement, Path folder) throws IOException {
		Path nginx = binary().orElseThrow(() -> new IOException(
				"-Dreplicas needs nginx in front of the replicas and found none (looked for /usr/sbin/nginx and nginx "
						+ "on the PATH); install Debian's nginx-light: apt-get install nginx-light"));
		Files.createDirectories(folder.resolve("temp"));
		int port = AppProcess.freePort();
		int workers = placement.cpus().map(CpuSplit::count).orElse(Runtime.getRuntime().availableProcessors());
		Files.writeString(folder.resolve(CONFIGURATION),
				configuration(port, replicas, workers, folder, isRoot(), Set.of()));
		List<String> command = new ArrayList<>(placement.pinnedFromStart());
		command.addAll(nginxCommand(nginx, folder));
		command.addAll(List.of("-g", "daemon off;"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(folder.resolve("nginx.out").toFile())
			.start();
		URI baseUrl = URI.create("http://127.0.0.1:" + port);
		LoadBalancer balancer = new LoadBalancer(process, baseUrl, tuning(version(nginx), workers), nginx, folder,
				replicas, workers);
		try {
			balancer.awaitListening(port, folder);
		}
		catch (IOException ex) {
			balancer.close();
			throw ex;
		}
		return balancer;
	}

	/**
	 * The whole configuration. Requests go to the replicas in turn over HTTP/1.1
	 * keep-alive connections (the {@code Connection} header cleared, as nginx's
	 * documentation says keep-alive to an upstream needs); {@code max_fails=1} with
	 * {@code proxy_next_upstream error timeout} is nginx's passive health check, and it
	 * retries only idempotent requests: a POST that a dying replica had taken is not sent
	 * twice. No access log: it would cost the balancer a write per request.
	 */
	static String configuration(int port, List<URI> replicas, int workers, Path folder, boolean root,
			Set<Integer> down) {
		StringBuilder servers = new StringBuilder();
		for (int index = 0; index < replicas.size(); index++) {
			URI replica = replicas.get(index);
			servers.append("        server ")
				.append(replica.getHost())
				.append(':')
				.append(replica.getPort())
				.append(" max_fails=1 fail_timeout=")
				.append(FAIL_TIMEOUT_SECONDS)
				.append(down.contains(index) ? "s down;\n" : "s;\n");
		}
		String temporary = folder.resolve("temp").toString();
		return """
				%sworker_processes %d;
				worker_rlimit_nofile 65536;
				pid %s;
				error_log %s warn;
				events {
				    worker_connections %d;
				}
				http {
				    access_log off;
				    client_body_temp_path %s/client-body;
				    proxy_temp_path %s/proxy;
				    fastcgi_temp_path %s/fastcgi;
				    uwsgi_temp_path %s/uwsgi;
				    scgi_temp_path %s/scgi;
				    keepalive_timeout 60s;
				    keepalive_requests 100000;
				    upstream stack {
				%s        keepalive %d;
				        keepalive_requests 100000;
				        keepalive_timeout 60s;
				    }
				    server {
				        listen 127.0.0.1:%d backlog=4096;
				        proxy_http_version 1.1;
				        proxy_set_header Connection "";
				        proxy_set_header Host $http_host;
				        proxy_next_upstream error timeout;
				        proxy_next_upstream_tries %d;
				        proxy_connect_timeout 2s;
				        proxy_read_timeout 60s;
				        proxy_send_timeout 60s;
				        location / {
				            proxy_pass http://stack;
				        }
				        # Server-sent events pass through as they come: buffered, a stream's events
				        # would reach the client in batches, late by the batch.
				        location /api/stream {
				            proxy_pass http://stack;
				            proxy_buffering off;
				        }
				    }
				}
				""".formatted(root ? "user nobody nogroup;\n" : "", workers, folder.resolve("nginx.pid"),
				folder.resolve("error.log"), WORKER_CONNECTIONS, temporary, temporary, temporary, temporary, temporary,
				servers, UPSTREAM_KEEPALIVE, port, NEXT_UPSTREAM_TRIES);
	}

	/** The balancer's knobs, as the report's tuning table shows them beside the apps'. */
	private static Map<String, Object> tuning(String version, int workers) {
		Map<String, Object> tuning = new LinkedHashMap<>();
		tuning.put("balancer", version);
		tuning.put("balancer.method", "round robin");
		tuning.put("balancer.worker-processes", workers);
		tuning.put("balancer.upstream-keepalive", UPSTREAM_KEEPALIVE);
		tuning.put("balancer.max-fails", 1);
		tuning.put("balancer.fail-timeout", FAIL_TIMEOUT_SECONDS + "s");
		tuning.put("balancer.next-upstream",
				"error timeout, idempotent requests only, " + NEXT_UPSTREAM_TRIES + " tries");
		return tuning;
	}

	/**
	 * Takes a replica out of the rotation before it is stopped, as Kubernetes takes a
	 * terminating pod out of its Service: its server is marked {@code down} and nginx
	 * reloads, whose new workers send it nothing and whose old ones finish the requests
	 * they have and close their connections to it.
	 */
	void exclude(int replica) throws IOException {
		this.down.add(replica);
		reload();
	}

	/** Puts a replica back into the rotation. */
	void include(int replica) throws IOException {
		this.down.remove(replica);
		reload();
	}

	/**
	 * Rewrites the configuration and reloads it, then waits until every worker that had
	 * the old one has exited: until then a retired worker still finishes the requests of
	 * its clients' open connections with the old configuration, and may send them to a
	 * replica now marked down.
	 */
	private void reload() throws IOException {
		List<ProcessHandle> retired = this.process.toHandle().children().toList();
		Files.writeString(this.folder.resolve(CONFIGURATION),
				configuration(this.baseUrl.getPort(), this.replicas, this.workers, this.folder, isRoot(), this.down));
		List<String> command = new ArrayList<>(nginxCommand(this.nginx, this.folder));
		command.addAll(List.of("-s", "reload"));
		Process reload = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(this.folder.resolve("nginx.out").toFile()))
			.start();
		try {
			if (!reload.waitFor(10, TimeUnit.SECONDS) || reload.exitValue() != 0) {
				throw new IOException(
						"nginx did not reload its configuration; see " + this.folder.resolve("nginx.out"));
			}
			Instant deadline = Instant.now().plus(RETIRE_TIMEOUT);
			while (retired.stream().anyMatch(ProcessHandle::isAlive) && Instant.now().isBefore(deadline)) {
				Thread.sleep(20);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while nginx reloaded", ex);
		}
	}

	/**
	 * nginx with its prefix, configuration and error log all in the balancer's folder.
	 */
	private static List<String> nginxCommand(Path nginx, Path folder) {
		return List.of(nginx.toString(), "-p", folder.toString(), "-c", folder.resolve(CONFIGURATION).toString(), "-e",
				folder.resolve("error.log").toString());
	}

	/** nginx's master and its workers, as they run now. */
	List<ProcessHandle> processes() {
		ProcessHandle master = this.process.toHandle();
		return Stream.concat(Stream.of(master), master.children()).toList();
	}

	URI baseUrl() {
		return this.baseUrl;
	}

	Map<String, Object> tuning() {
		return this.tuning;
	}

	/**
	 * CPU seconds nginx has used so far: its master's own and its workers', the live ones
	 * read from each and the ones a reload retired from what Linux adds to the master
	 * once it has reaped them ({@code /proc/<pid>/stat}'s cutime and cstime).
	 */
	double cpuSeconds() {
		ProcessHandle master = this.process.toHandle();
		double workers = master.children()
			.map((handle) -> handle.info().totalCpuDuration())
			.flatMap(Optional::stream)
			.mapToDouble((duration) -> duration.toNanos() / 1e9)
			.sum();
		return ownAndReapedCpuSeconds(master.pid()) + workers;
	}

	/** utime + stime + cutime + cstime of a process, in seconds; 0 once it is gone. */
	static double ownAndReapedCpuSeconds(long pid) {
		try {
			String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
			// The command name, in brackets, may hold spaces: fields are counted after
			// it.
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			long ticks = 0;
			for (int field = 11; field <= 14; field++) {
				ticks += Long.parseLong(fields[field]);
			}
			return ticks / (double) CLOCK_TICKS;
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	private void awaitListening(int port, Path folder) throws IOException {
		Instant deadline = Instant.now().plus(START_TIMEOUT);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IOException("nginx exited at start (code " + this.process.exitValue() + "); see "
						+ folder.resolve("error.log") + " and " + folder.resolve("nginx.out"));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException ex) {
				AppProcess.sleep(Duration.ofMillis(100));
			}
		}
		throw new IOException("nginx did not listen on port " + port + " within " + START_TIMEOUT.toSeconds() + " s");
	}

	@Override
	public void close() {
		this.started.close();
	}

	/** nginx's version line, e.g. {@code nginx/1.22.1}. */
	private static String version(Path nginx) {
		try {
			Process process = new ProcessBuilder(nginx.toString(), "-v").redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes()).trim();
			process.waitFor(5, TimeUnit.SECONDS);
			int slash = output.indexOf("nginx/");
			return (slash >= 0) ? output.substring(slash).split("\\s")[0] : "nginx";
		}
		catch (IOException ex) {
			return "nginx";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "nginx";
		}
	}

	private static boolean isRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Debian's nginx, or one on the PATH. */
	static Optional<Path> binary() {
		return Stream.concat(Stream.of(Path.of("/usr/sbin/nginx")),
				Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
					.filter((dir) -> !dir.isEmpty())
					.map((dir) -> Path.of(dir, "nginx")))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
