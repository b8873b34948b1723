package ai.minimind.server.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts jobs as detached process groups that never depend on the server process. STUB: contract only. */
public final class ProcessLauncher {
    private ProcessLauncher() {
    }

    /**
     * Starts {@code command} in a new session and process group (its own group leader), in {@code workDir},
     * with exactly {@code env} as its environment (nothing inherited from the server), stdin from /dev/null,
     * and stdout and stderr appended straight to {@code logFile} (opened by the child; never a pipe the server
     * must drain). When the command ends, however it ends short of SIGKILL of the wrapper, its exit code or
     * signal is written atomically to {@code exitFile}, also when the server is no longer running.
     * Returns once the child exists, with its identity (the group leader's PID and start time).
     */
    public static ProcessIdentity launch(List<String> command, Path workDir, Map<String, String> env,
                                         Path logFile, Path exitFile) throws IOException {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
