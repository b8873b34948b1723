/**
 * Supervision of training jobs as detached OS process groups (Linux).
 * {@link ai.minimind.server.process.ProcessLauncher} starts them behind a tiny sh wrapper that records their
 * exit status in a file; {@link ai.minimind.server.process.ProcessControl} watches and stops them by PID plus
 * start time (from {@code /proc}), so supervision survives a server restart and never mistakes a reused PID
 * for a job.
 */
package ai.minimind.server.process;
