package dev.stackbench.workload.cgi;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import dev.stackbench.workload.Admission;
import dev.stackbench.workload.ProblemException;
import dev.stackbench.workload.ProblemType;

/**
 * Runs CGI programs (RFC 3875), one process per request, the same way for both apps.
 * {@link Slot#start} hands the program to a few starter threads and answers with a future
 * at once; {@link #run} blocks until the program has answered. The servlet app waits on
 * the request thread, the reactive app waits for nothing.
 * <p>
 * Starting a process (a fork and exec) is a blocking system call and CPU work, so it
 * happens on platform threads of the gateway's own, one per core by default: never on an
 * event loop, and never on a virtual thread, which it would pin to its carrier (with 200
 * programs a second on one core, a plain request on the same carrier waited up to a
 * quarter of a second). More starters than cores start no more programs and only compete
 * with the server's threads.
 * <p>
 * What a client can make it run is confined: only a regular, executable file directly
 * inside the CGI directory, named by a strict pattern and not a link leading out of it;
 * no shell; an environment of the meta-variables and a fixed {@code PATH}, nothing
 * inherited. What a program can take is bounded: its time (504, the process and its
 * children killed), its output (502), the number running at once (503 with
 * {@code Retry-After}). A request whose client has gone away gets its process killed too.
 * Whatever a program leaves running when it ends, by itself or killed, is killed after
 * it: each program runs in a session of its own ({@link Sessions}).
 */
public final class CgiGateway implements AutoCloseable {

	public static final String DIRECTORY_PROPERTY = "stackbench.cgi.directory";

	public static final String TIMEOUT_PROPERTY = "stackbench.cgi.timeout";

	public static final String MAX_OUTPUT_PROPERTY = "stackbench.cgi.max-output";

	public static final String MAX_PROCESSES_PROPERTY = "stackbench.cgi.max-processes";

	public static final String START_THREADS_PROPERTY = "stackbench.cgi.start-threads";

	private static final System.Logger WATCHDOG_LOG = System.getLogger(CgiGateway.class.getName());

	/** How often a running program's deadline, output and client are checked. */
	private static final Duration TICK = Duration.ofMillis(50);

	/** The standard input of a program sent no body: it reads end of file at once. */
	private static final File NO_INPUT = new File("/dev/null");

	/** How long a killed program's children are given to be reaped by their parents. */
	private static final Duration REAPING = Duration.ofMillis(200);

	private final Path directory;

	private final Duration timeout;

	private final long maxOutputBytes;

	private final int maxProcesses;

	private final Semaphore processes;

	private final Set<Running> running = ConcurrentHashMap.newKeySet();

	private final Sessions sessions = new Sessions();

	private final ScheduledExecutorService watchdog = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("cgi-watchdog").daemon().factory());

	/**
	 * The watchdog's ticks, while a program runs or what one left behind is still to be
	 * swept; none otherwise. Ticking every 50 ms with nothing to watch cost an idle app
	 * 3.7 ms of CPU a second (/proc's count for the thread, measured here), a tenth of a
	 * bare Spring Boot app's whole idle cost and 1.2 µs on each request at 3,000 a
	 * second.
	 */
	private ScheduledFuture<?> ticks;

	/**
	 * Unbounded queue, but never longer than the process slots: a request takes its slot
	 * before it queues.
	 */
	private final ExecutorService starters;

	private final int startThreads;

	private Path spool;

	/**
	 * @param directory where the programs are; a missing directory means every script is
	 * not found
	 * @param timeout how long a program may run
	 * @param maxOutputBytes how much a program may write, headers and body
	 * @param maxProcesses how many programs may run at once
	 * @param startThreads how many threads start programs; null for one per core
	 */
	public CgiGateway(Path directory, Duration timeout, long maxOutputBytes, int maxProcesses, Integer startThreads) {
		this.startThreads = (startThreads != null) ? startThreads : Runtime.getRuntime().availableProcessors();
		if (maxProcesses < 1 || maxOutputBytes < 1 || timeout.isNegative() || timeout.isZero()
				|| this.startThreads < 1) {
			throw new IllegalArgumentException("CGI limits must be positive: " + TIMEOUT_PROPERTY + "=" + timeout + ", "
					+ MAX_OUTPUT_PROPERTY + "=" + maxOutputBytes + ", " + MAX_PROCESSES_PROPERTY + "=" + maxProcesses
					+ ", " + START_THREADS_PROPERTY + "=" + this.startThreads);
		}
		this.starters = Executors.newFixedThreadPool(this.startThreads,
				Thread.ofPlatform().name("cgi-start-", 1).daemon().factory());
		this.directory = directory.toAbsolutePath().normalize();
		this.timeout = timeout;
		this.maxOutputBytes = maxOutputBytes;
		this.maxProcesses = maxProcesses;
		this.processes = new Semaphore(maxProcesses);
	}

	/** Whether the watchdog is ticking. */
	synchronized boolean watching() {
		return this.ticks != null;
	}

	/** Starts the watchdog's ticks, if they are not going: a program is running. */
	private synchronized void startWatching() {
		if (this.ticks == null && !this.watchdog.isShutdown()) {
			try {
				this.ticks = this.watchdog.scheduleWithFixedDelay(this::watch, TICK.toMillis(), TICK.toMillis(),
						TimeUnit.MILLISECONDS);
			}
			catch (RejectedExecutionException ex) {
				// Closed meanwhile: close() kills every program that runs.
			}
		}
	}

	/**
	 * Stops the ticks once nothing runs and nothing is left to sweep; a program that
	 * starts meanwhile finds them going or starts them again, under the same lock.
	 */
	private synchronized void idleWhenDone() {
		if (this.ticks != null && this.running.isEmpty() && this.sessions.pending() == 0) {
			this.ticks.cancel(false);
			this.ticks = null;
		}
	}

	/** The limits, as knobs of the tuning report. */
	public Map<String, Object> knobs() {
		Map<String, Object> knobs = new LinkedHashMap<>();
		knobs.put("cgi.max-processes", this.maxProcesses);
		knobs.put("cgi.timeout-ms", this.timeout.toMillis());
		knobs.put("cgi.max-output-bytes", this.maxOutputBytes);
		knobs.put("cgi.start-threads", this.startThreads);
		return knobs;
	}

	/**
	 * Runs the program the request names with {@code body} on its standard input and
	 * answers with what it wrote: {@link #admit} and {@link Slot#run} in one.
	 */
	public CgiResponse run(CgiRequest request, byte[] body, BooleanSupplier abandoned) {
		try (Slot slot = admit(request)) {
			return slot.run(body, abandoned);
		}
	}

	/**
	 * Finds the program the request names and takes one of the process slots for it,
	 * without waiting: cheap enough for an event loop, so that past the bound a request
	 * is turned away at once rather than queued.
	 * @throws ProblemException 404 no such script, 503 (with {@code Retry-After}) every
	 * slot taken
	 */
	public Slot admit(CgiRequest request) {
		Path script = resolve(request.scriptName());
		if (!this.processes.tryAcquire()) {
			throw new ProblemException(ProblemType.OVERLOADED, "More than " + this.maxProcesses
					+ " CGI programs are running; retry after " + Admission.RETRY_AFTER_SECONDS + " s");
		}
		return new Slot(script, request);
	}

	/**
	 * One admitted request: runs once, and its slot is freed when its program has exited,
	 * or when closed unrun.
	 */
	public final class Slot implements AutoCloseable {

		private final Path script;

		private final CgiRequest request;

		private final AtomicBoolean taken = new AtomicBoolean();

		private Slot(Path script, CgiRequest request) {
			this.script = script;
			this.request = request;
		}

		/**
		 * Hands the program to a starter thread and returns at once. The answer completes
		 * when the program has exited, or fails with a {@link ProblemException}: 502 the
		 * program failed or could not be started, 504 it ran out of time, 400 the client
		 * went away, 503 the server is shutting down. Cancelling it kills the program, or
		 * keeps it from starting.
		 * @param abandoned asked while the program runs: true once the client has gone,
		 * and the program is killed
		 */
		public CompletableFuture<CgiResponse> start(byte[] body, BooleanSupplier abandoned) {
			if (!this.taken.compareAndSet(false, true)) {
				throw clientWentAway(this.script.getFileName().toString());
			}
			Answer answer = new Answer(this.script, this.request, body, abandoned);
			try {
				CgiGateway.this.starters.execute(answer);
			}
			catch (RejectedExecutionException ex) {
				CgiGateway.this.processes.release();
				answer.completeExceptionally(shuttingDown());
			}
			return answer;
		}

		/**
		 * Runs the program, blocking until it has answered: {@link #start}, then its
		 * answer or its problem.
		 */
		public CgiResponse run(byte[] body, BooleanSupplier abandoned) {
			CompletableFuture<CgiResponse> answer = start(body, abandoned);
			try {
				return answer.get();
			}
			catch (ExecutionException ex) {
				throw (ex.getCause() instanceof ProblemException problem) ? problem
						: failed(this.script.getFileName().toString(), "could not be run");
			}
			catch (InterruptedException ex) {
				// The waiting thread is being stopped (a shutdown): the program is the
				// client's no longer.
				Thread.currentThread().interrupt();
				answer.cancel(true);
				throw new ProblemException(ProblemType.GATEWAY_TIMEOUT,
						"CGI script '" + this.script.getFileName() + "' was interrupted");
			}
		}

		/**
		 * Frees the slot if the program never started (the client went away first);
		 * otherwise its exit does.
		 */
		@Override
		public void close() {
			if (this.taken.compareAndSet(false, true)) {
				CgiGateway.this.processes.release();
			}
		}

	}

	/**
	 * The script as a real path directly inside the directory, regular and executable, or
	 * 404.
	 */
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

	/**
	 * Starts the program with its input and output in files, not pipes: Java reads a pipe
	 * only blocking, which took a thread (and for a virtual thread, a carrier) per
	 * program for its whole life, some six hundred threads for two hundred slow programs,
	 * enough to keep a reactive app's event loops from being scheduled promptly. Now a
	 * running program holds only the JDK's own thread that waits for its exit, and one
	 * watchdog thread checks all of them.
	 */
	private Running start(Answer answer) {
		ProcessBuilder builder = new ProcessBuilder(Sessions.command(answer.script))
			.directory(answer.script.getParent().toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD);
		builder.environment().clear();
		builder.environment().putAll(answer.request.metaVariables());
		Path input = null;
		Path output = null;
		try {
			output = Files.createTempFile(spool(), "stdout-", "");
			builder.redirectOutput(output.toFile());
			if (answer.body.length > 0) {
				input = Files.write(Files.createTempFile(spool(), "stdin-", ""), answer.body);
				builder.redirectInput(input.toFile());
			}
			else {
				builder.redirectInput(NO_INPUT);
			}
			return new Running(builder.start(), output, answer);
		}
		catch (IOException ex) {
			deleteQuietly(output);
			throw failed(answer.name(), "could not be started");
		}
		finally {
			// The program has its input open, or never will: the name is not needed
			// either way.
			deleteQuietly(input);
		}
	}

	/**
	 * Checks every running program's deadline, output size and client, and kills what
	 * ended ones left behind. Nothing may escape: an exception would cancel every later
	 * tick, and no program would ever be timed out again.
	 */
	private void watch() {
		for (Running running : this.running) {
			try {
				running.check();
			}
			catch (RuntimeException ex) {
				WATCHDOG_LOG.log(System.Logger.Level.ERROR, "Checking CGI script '" + running.name() + "' failed", ex);
				running.fail(failed(running.name(), "could not be watched"));
			}
		}
		try {
			this.sessions.sweep();
		}
		catch (RuntimeException ex) {
			WATCHDOG_LOG.log(System.Logger.Level.ERROR, "Sweeping what CGI programs left behind failed", ex);
		}
		idleWhenDone();
	}

	/**
	 * Where programs' input and output are kept while they run, made when the first
	 * program starts.
	 */
	private synchronized Path spool() throws IOException {
		if (this.spool == null) {
			this.spool = Files.createTempDirectory("stackbench-cgi-");
			// Emptied after every program; removed at exit even when the gateway is never
			// closed.
			this.spool.toFile().deleteOnExit();
		}
		return this.spool;
	}

	/**
	 * Stops the watchdog, turns away what has not started, kills what still runs, and
	 * removes the spool directory.
	 */
	@Override
	public void close() {
		this.watchdog.shutdownNow();
		for (Runnable queued : this.starters.shutdownNow()) {
			((Answer) queued).turnAway();
		}
		for (Running running : this.running) {
			running.fail(shuttingDown());
		}
		synchronized (this) {
			// Fails quietly while a program being killed still has its output there.
			deleteQuietly(this.spool);
		}
	}

	/**
	 * One admitted request handed to the starters: it starts its program, on a starter
	 * thread, and is its answer. Cancelling it (a reactive subscriber that goes away
	 * does) kills the program, or keeps it from starting if it has not yet.
	 */
	private final class Answer extends CompletableFuture<CgiResponse> implements Runnable {

		private final Path script;

		private final CgiRequest request;

		private final byte[] body;

		/** Asked while the program runs: true once the client has gone. */
		private final BooleanSupplier abandoned;

		/** The program, once started: from then on, cancelling kills it. */
		private volatile Running running;

		Answer(Path script, CgiRequest request, byte[] body, BooleanSupplier abandoned) {
			this.script = script;
			this.request = request;
			this.body = body;
			this.abandoned = abandoned;
		}

		String name() {
			return this.script.getFileName().toString();
		}

		@Override
		public boolean cancel(boolean mayInterruptIfRunning) {
			boolean cancelled = super.cancel(mayInterruptIfRunning);
			Running started = this.running;
			if (started != null) {
				started.fail(clientWentAway(name()));
			}
			return cancelled;
		}

		/** Starts the program, on a starter thread. */
		@Override
		public void run() {
			if (isDone()) {
				// Cancelled while it waited to start: the client has gone.
				CgiGateway.this.processes.release();
				return;
			}
			try {
				Running started = start(this);
				this.running = started;
				if (isCancelled()) {
					// Cancelled while the process was being started, before it could be
					// seen here.
					started.fail(clientWentAway(name()));
				}
			}
			catch (RuntimeException ex) {
				// Whatever went wrong, the answer must complete and the slot be freed:
				// nobody else would.
				CgiGateway.this.processes.release();
				completeExceptionally(
						(ex instanceof ProblemException problem) ? problem : failed(name(), "could not be started"));
			}
		}

		/**
		 * The gateway closed before this program started: its slot is freed and its
		 * answer is a 503.
		 */
		void turnAway() {
			CgiGateway.this.processes.release();
			completeExceptionally(shuttingDown());
		}

	}

	/**
	 * One started program, from its start until it has exited and its answer (or failure)
	 * is known.
	 */
	private final class Running {

		private final Process process;

		private final Path output;

		private final long deadline;

		/**
		 * Why the program is being killed, once it is; the answer fails with it when the
		 * program has exited.
		 */
		private final AtomicReference<ProblemException> failure = new AtomicReference<>();

		private final Answer answer;

		Running(Process process, Path output, Answer answer) {
			this.process = process;
			this.output = output;
			this.answer = answer;
			this.deadline = System.nanoTime() + CgiGateway.this.timeout.toNanos();
			CgiGateway.this.running.add(this);
			startWatching();
			process.onExit().whenComplete((exited, ex) -> exited());
		}

		String name() {
			return this.answer.name();
		}

		void check() {
			if (System.nanoTime() - this.deadline > 0) {
				fail(new ProblemException(ProblemType.GATEWAY_TIMEOUT, "CGI script '" + name()
						+ "' did not answer within " + CgiGateway.this.timeout.toMillis() + " ms"));
			}
			else if (outputSize() > CgiGateway.this.maxOutputBytes) {
				fail(tooMuchOutput());
			}
			else if (this.answer.abandoned.getAsBoolean()) {
				fail(clientWentAway(name()));
			}
		}

		/**
		 * Kills the program with its children, off the watchdog thread: that waits for
		 * the children to be reaped.
		 */
		void fail(ProblemException problem) {
			if (this.failure.compareAndSet(null, problem)) {
				Thread.ofVirtual().name("cgi-kill-", this.process.pid()).start(() -> killTree(this.process));
			}
		}

		/**
		 * The program has exited, by itself or killed. Its slot is free again before
		 * anyone hears the answer, so that a client that retries at once finds it free.
		 */
		private void exited() {
			// Left to sweep before it stops running, so that the watchdog never sees
			// nothing to do in between and stops ticking with a session unswept.
			CgiGateway.this.sessions.ended(this.process.pid());
			CgiGateway.this.running.remove(this);
			ProblemException failure = this.failure.get();
			CgiResponse response = null;
			try {
				if (failure == null) {
					response = read();
				}
			}
			catch (ProblemException ex) {
				failure = ex;
			}
			finally {
				deleteQuietly(this.output);
				CgiGateway.this.processes.release();
			}
			if (failure != null) {
				this.answer.completeExceptionally(failure);
			}
			else {
				this.answer.complete(response);
			}
		}

		private CgiResponse read() {
			if (outputSize() > CgiGateway.this.maxOutputBytes) {
				throw tooMuchOutput();
			}
			if (this.process.exitValue() != 0) {
				throw failed(name(), "exited with status " + this.process.exitValue());
			}
			try {
				return CgiResponse.parse(Files.readAllBytes(this.output))
					.orElseThrow(() -> failed(name(), "wrote malformed headers"));
			}
			catch (IOException ex) {
				throw failed(name(), "left no readable output");
			}
		}

		private long outputSize() {
			try {
				return Files.size(this.output);
			}
			catch (IOException ex) {
				return 0;
			}
		}

		private ProblemException tooMuchOutput() {
			return failed(name(), "wrote more than " + CgiGateway.this.maxOutputBytes + " bytes");
		}

	}

	private static void deleteQuietly(Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// Left in the temp directory, which the OS cleans.
			}
		}
	}

	/**
	 * Kills the program and every process it started that is still its descendant.
	 * Children go first, and their parents get a moment to reap them, so that none is
	 * orphaned while its parent dies (an orphan is left to the session sweep, and to init
	 * to reap); Java reaps the program itself.
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

	private static ProblemException shuttingDown() {
		return new ProblemException(ProblemType.OVERLOADED, "The server is shutting down");
	}

	private static ProblemException clientWentAway(String name) {
		return new ProblemException(ProblemType.BAD_REQUEST,
				"The client went away before CGI script '" + name + "' answered");
	}

	private static ProblemException failed(String name, String what) {
		return new ProblemException(ProblemType.BAD_GATEWAY, "CGI script '" + name + "' " + what);
	}

}
