package ai.minimind.server.process;

/**
 * An OS process as the kernel knows it: its PID plus its start time (field 22 of /proc/PID/stat, in clock
 * ticks since boot). Two processes with the same PID never share a start time, so a PID reused by an
 * unrelated program after a restart is never mistaken for a job.
 */
public record ProcessIdentity(long pid, long startTicks) {
}
