package dev.stackbench.workload.cgi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.ProblemType;

/**
 * Runs CGI programs (RFC 3875), one process per request, the same way for both apps. {@link #run} blocks until
 * the program has answered: the servlet app calls it on the request thread, the reactive app on a bounded
 * scheduler, never on an event loop.
 * <p>
 * What a client can make it run is confined: only a regular, executable file directly inside the CGI directory,
 * named by a strict pattern and not a link leading out of it; no shell; an environment of the meta-variables and a
 * fixed {@code PATH}, nothing inherited. What a program can take is bounded: its time (504, the process and its
 * children killed), its output (502), the number running at once (503 with {@code Retry-After}). A request whose
 * client has gone away gets its process killed too.
 */
public final class CgiGateway {

	public static final String DIRECTORY_PROPERTY = "stackbench.cgi.directory";

	public static final String TIMEOUT_PROPERTY = "stackbench.cgi.timeout";

	public static final String MAX_OUTPUT_PROPERTY = "stackbench.cgi.max-output";

	public static final String MAX_PROCESSES_PROPERTY = "stackbench.cgi.max-processes";

	/** How often a running program's deadline, output and client are checked. */
	private static final Duration TICK = Duration.ofMillis(50);

	/** How long a killed program's children are given to be reaped by their parents. */
	private static final Duration REAPING = Duration.ofMillis(200);

	private final Path directory;

	private final Duration timeout;

	private final long maxOutputBytes;

	private final int maxProcesses;

	private final Semaphore processes;

	/**
	 * @param directory where the programs are; a missing directory means every script is not found
	 * @param timeout how long a program may run
	 * @param maxOutputBytes how much a program may write, headers and body
	 * @param maxProcesses how many programs may run at once
	 */
	public CgiGateway(Path directory, Duration timeout, long maxOutputBytes, int maxProcesses) {
		if (maxProcesses < 1 || maxOutputBytes < 1 || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("CGI limits must be positive: " + TIMEOUT_PROPERTY + "=" + timeout
					+ ", " + MAX_OUTPUT_PROPERTY + "=" + maxOutputBytes + ", " + MAX_PROCESSES_PROPERTY + "="
					+ maxProcesses);
		}
		this.directory = directory.toAbsolutePath().normalize();
		this.timeout = timeout;
		this.maxOutputBytes = maxOutputBytes;
		this.maxProcesses = maxProcesses;
		this.processes = new Semaphore(maxProcesses);
	}

	/** The limits, as knobs of the tuning report. */
	public Map<String, Object> knobs() {
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("cgi.max-processes", this.maxProcesses);
		knobs.put("cgi.timeout-ms", this.timeout.toMillis());
		knobs.put("cgi.max-output-bytes", this.maxOutputBytes);
		return knobs;
	}

	/**
	 * Runs the program the request names with {@code body} on its standard input and answers with what it wrote:
	 * {@link #admit} and {@link Slot#run} in one.
	 */
	public CgiResponse run(CgiRequest request, byte[] body, BooleanSupplier abandoned) {
		try (Slot slot = admit(request)) {
			return slot.run(body, abandoned);
		}
	}

	/**
	 * Finds the program the request names and takes one of the process slots for it, without waiting: cheap enough
	 * for an event loop, so that past the bound a request is turned away at once rather than queued.
	 *
	 * @throws ProblemException 404 no such script, 503 (with {@code Retry-After}) every slot taken
	 */
	public Slot admit(CgiRequest request) {
		Path script = resolve(request.scriptName());
		if (!this.processes.tryAcquire()) {
			throw new ProblemException(ProblemType.OVERLOADED, "More than " + this.maxProcesses
					+ " CGI programs are running; retry after " + Admission.RETRY_AFTER_SECONDS + " s");
		}
		return new Slot(script, request);
	}

	/** One admitted request: runs once, and its slot is freed when it has run, or when it is closed unrun. */
	public final class Slot implements AutoCloseable {

		private final Path script;

		private final CgiRequest request;

		private final AtomicBoolean taken = new AtomicBoolean();

		private Slot(Path script, CgiRequest request) {
			this.script = script;
			this.request = request;
		}

		/**
		 * Runs the program, blocking until it has answered.
		 *
		 * @param abandoned asked while the program runs: true once the client has gone, and the program is killed
		 * @throws ProblemException 502 the program failed, 504 it ran out of time, 400 the client went away
		 */
		public CgiResponse run(byte[] body, BooleanSupplier abandoned) {
			if (!this.taken.compareAndSet(false, true)) {
				throw clientWentAway(this.script);
			}
			try {
				return runAdmitted(this.script, this.request, body, abandoned);
			}
			finally {
				CgiGateway.this.processes.release();
			}
		}

		/** Frees the slot if the program never ran (the client went away first); otherwise {@link #run} does. */
		@Override
		public void close() {
			if (this.taken.compareAndSet(false, true)) {
				CgiGateway.this.processes.release();
			}
		}

	}

	/** The script as a real path directly inside the directory, regular and executable, or 404. */
	private Path resolve(String name) {
		try {
			Path realDirectory = this.directory.toRealPath();
			Path script = realDirectory.resolve(name).toRealPath();
			if (script.getParent().equals(realDirectory) && Files.isRegularFile(script) && Files.isExecutable(script)) {
				return script;
			}
		}
		catch (IOException ex) {
			// Missing (or the directory is): not found, like any other name.
		}
		throw CgiRequest.notFound(name);
	}

	private CgiResponse runAdmitted(Path script, CgiRequest request, byte[] body, BooleanSupplier abandoned) {
		String name = script.getFileName().toString();
		ProcessBuilder builder = new ProcessBuilder(script.toString()).directory(script.getParent().toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().clear();
		builder.environment().putAll(request.metaVariables());
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw failed(name, "could not be started");
		}
		try {
			Thread.ofVirtual().name("cgi-stdin-", process.pid()).start(() -> feed(process.getOutputStream(), body));
			BoundedOutput output = new BoundedOutput(process.getInputStream(), this.maxOutputBytes);
			Thread reader = Thread.ofVirtual().name("cgi-stdout-", process.pid()).start(output::readAll);
			long deadline = System.nanoTime() + this.timeout.toNanos();
			while (!process.waitFor(TICK.toMillis(), TimeUnit.MILLISECONDS)) {
				if (output.overflowed()) {
					throw failed(name, "wrote more than " + this.maxOutputBytes + " bytes");
				}
				if (abandoned.getAsBoolean()) {
					throw clientWentAway(script);
				}
				if (System.nanoTime() - deadline > 0) {
					throw new ProblemException(ProblemType.GATEWAY_TIMEOUT,
							"CGI script '" + name + "' did not answer within " + this.timeout.toMillis() + " ms");
				}
			}
			// Output may still be in the pipe after the exit, or held open by a child left running: wait for it
			// within what remains of the time limit.
			long remaining = Math.max(deadline - System.nanoTime(), 0);
			if (!reader.join(Duration.ofNanos(remaining))) {
				throw new ProblemException(ProblemType.GATEWAY_TIMEOUT, "CGI script '" + name
						+ "' left its output open past " + this.timeout.toMillis() + " ms");
			}
			if (output.overflowed()) {
				throw failed(name, "wrote more than " + this.maxOutputBytes + " bytes");
			}
			if (process.exitValue() != 0) {
				throw failed(name, "exited with status " + process.exitValue());
			}
			return CgiResponse.parse(output.bytes()).orElseThrow(() -> failed(name, "wrote malformed headers"));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ProblemException(ProblemType.GATEWAY_TIMEOUT, "CGI script '" + name + "' was interrupted");
		}
		finally {
			// A program that exited has no descendants left to find (they went to init), and finding them costs a
			// scan of every process on the machine: only a program still running is killed, with its children.
			if (process.isAlive()) {
				killTree(process);
			}
		}
	}

	private static void feed(OutputStream stdin, byte[] body) {
		try (stdin) {
			stdin.write(body);
		}
		catch (IOException ex) {
			// The program exited or closed its input without reading it all: its choice, not an error.
		}
	}

	/**
	 * Kills the program and every process it started that is still its descendant. Children go first, and their
	 * parents get a moment to reap them, so that none is orphaned (out of reach, or a zombie handed to init) while
	 * its parent dies; Java reaps the program itself.
	 */
	private static void killTree(Process process) {
		List<ProcessHandle> descendants = process.descendants().toList();
		descendants.forEach(ProcessHandle::destroyForcibly);
		long reapedBy = System.nanoTime() + REAPING.toNanos();
		while (descendants.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() - reapedBy < 0) {
			Thread.onSpinWait();
			Thread.yield();
		}
		process.destroyForcibly();
	}

	private static ProblemException clientWentAway(Path script) {
		return new ProblemException(ProblemType.BAD_REQUEST,
				"The client went away before CGI script '" + script.getFileName() + "' answered");
	}

	private static ProblemException failed(String name, String what) {
		return new ProblemException(ProblemType.BAD_GATEWAY, "CGI script '" + name + "' " + what);
	}

	/** Reads a program's standard output up to the cap, then stops. */
	private static final class BoundedOutput {

		private final InputStream stdout;

		private final long cap;

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private volatile boolean overflowed;

		BoundedOutput(InputStream stdout, long cap) {
			this.stdout = stdout;
			this.cap = cap;
		}

		void readAll() {
			byte[] buffer = new byte[8192];
			try (this.stdout) {
				int read;
				while ((read = this.stdout.read(buffer)) >= 0) {
					if (this.bytes.size() + (long) read > this.cap) {
						this.overflowed = true;
						return;
					}
					this.bytes.write(buffer, 0, read);
				}
			}
			catch (IOException ex) {
				// The process was killed: whatever it wrote so far is all there is.
			}
		}

		boolean overflowed() {
			return this.overflowed;
		}

		byte[] bytes() {
			return this.bytes.toByteArray();
		}

	}

}
