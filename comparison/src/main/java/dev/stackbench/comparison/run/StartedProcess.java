package dev.stackbench.comparison.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process the comparison started (an app, nginx), stopped when closed, or by a shutdown
 * hook if this JVM exits first (Ctrl-C, a kill, an uncaught error): a child process
 * outlives its parent, and one left running would hold its port and load the next run's
 * machine.
 */
final class StartedProcess implements AutoCloseable {

	private final Process process;

	/** How long it is given to stop on SIGTERM before it is killed. */
	private final Duration grace;

	private final Thread stopOnExit;

	StartedProcess(Process process, String name, Duration grace) {
		this.process = process;
		this.grace = grace;
		this.stopOnExit = new Thread(this::stop, "stop " + name);
		Runtime.getRuntime().addShutdownHook(this.stopOnExit);
	}

	Process process() {
		return this.process;
	}

	@Override
	public void close() {
		try {
			Runtime.getRuntime().removeShutdownHook(this.stopOnExit);
		}
		catch (IllegalStateException ex) {
			// This JVM is exiting: the hook is stopping the process already.
		}
		stop();
	}

	/**
	 * SIGTERM, then SIGKILL after the grace period; any of its children still there after
	 * that (nginx's workers) are killed too, so that none outlives the run.
	 */
	private void stop() {
		List<ProcessHandle> children = this.process.toHandle().descendants().toList();
		this.process.destroy();
		try {
			if (!this.process.waitFor(this.grace.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			this.process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
	}

}
