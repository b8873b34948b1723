package ai.minimind.server.process;

/**
 * How a job's process ended: a normal exit with {@code exitCode}, or death by {@code signal}
 * (then {@code exitCode} is null). Read back from the exit-status file that the launch wrapper writes,
 * so it is known even when the server was down at the moment the job ended.
 */
public record ExitStatus(Integer exitCode, Integer signal) {
    public boolean succeeded() {
        return signal == null && exitCode != null && exitCode == 0;
    }
}
