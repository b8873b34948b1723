package ai.minimind.server.process;

/**
 * An OS process as the kernel knows it: its PID plus its start time (field 22 of /proc/PID/stat, in clock
 * ticks since boot). Two processes with the same PID never share a start time, so a PID reused by an
 * unrelated program after a restart is never mistaken for a job. {@code jobMark} is a random token the
 * launcher put into the job's environment ({@code MINIMIND_JOB_MARK}); every descendant inherits it, so
 * stopping finds them even after they called setsid or were re-parented. Persist all three.
 */
public record ProcessIdentity(long pid, long startTicks, String jobMark) {
}
