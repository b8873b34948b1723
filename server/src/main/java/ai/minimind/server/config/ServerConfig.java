package ai.minimind.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything the service is configured with, built in one place ({@link ServerConfigParser}) with the precedence
 * command-line flag, then environment variable, then default.
 *
 * @param engineCommand the builtin backend's command prefix; the train type and the MiniMind flags follow it
 * @param maxRunningJobs how many queued or running jobs one client may have at once; 0 means no limit
 * @param serverSecret  signs short-lived bearer tokens; empty disables {@code POST /api/token}
 */
public record ServerConfig(String host, int port, Path dataDir, Path datasetsDir, Path tokenizerDir,
                           Backend backend, Path minimindHome, Path pythonCheckout, String python,
                           Duration stopGrace, List<String> engineCommand, boolean allowAnonymous,
                           int maxRunningJobs, Optional<String> serverSecret) {

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (stopGrace.isNegative()) {
            throw new IllegalArgumentException("stop grace must not be negative, got " + stopGrace);
        }
        if (maxRunningJobs < 0) {
            throw new IllegalArgumentException("max running jobs must be 0 (no limit) or more, got " + maxRunningJobs);
        }
        if (engineCommand.isEmpty()) {
            throw new IllegalArgumentException("engine command must not be empty");
        }
        engineCommand = List.copyOf(engineCommand);
        dataDir = dataDir.toAbsolutePath().normalize();
        datasetsDir = datasetsDir.toAbsolutePath().normalize();
        tokenizerDir = tokenizerDir.toAbsolutePath().normalize();
        minimindHome = minimindHome.toAbsolutePath().normalize();
        pythonCheckout = pythonCheckout.toAbsolutePath().normalize();
        serverSecret = serverSecret.filter(s -> !s.isBlank());
    }

    /** A copy listening on another port (tests start a second server on the same data folder). */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, dataDir, datasetsDir, tokenizerDir, backend, minimindHome,
                pythonCheckout, python, stopGrace, engineCommand, allowAnonymous, maxRunningJobs, serverSecret);
    }

    /** The engine is this project's own {@code bin/minimind train}, not a command given with --engine-command. */
    public boolean stockEngine() {
        return engineCommand.equals(List.of(minimindHome.resolve("bin/minimind").toString(), "train"));
    }

    /** A copy with another per-client limit of queued or running jobs. */
    public ServerConfig withMaxRunningJobs(int limit) {
        return new ServerConfig(host, port, dataDir, datasetsDir, tokenizerDir, backend, minimindHome,
                pythonCheckout, python, stopGrace, engineCommand, allowAnonymous, limit, serverSecret);
    }

    @Override
    public String toString() {
        // The secret never reaches a log line, even through an accidental toString().
        return "ServerConfig[host=" + host + ", port=" + port + ", dataDir=" + dataDir + ", backend=" + backend
                + ", secret=" + (serverSecret.isPresent() ? "set" : "unset") + "]";
    }
}
