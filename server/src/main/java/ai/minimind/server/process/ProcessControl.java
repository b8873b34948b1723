package ai.minimind.server.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Watching and stopping launched process groups. STUB: contract only. */
public final class ProcessControl {
    private ProcessControl() {
    }

    /** True while the process with this PID exists and has this start time (a reused PID answers false). */
    public static boolean isAlive(ProcessIdentity id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** The status the launch wrapper wrote, if the job has ended and the file is complete. */
    public static Optional<ExitStatus> readExitStatus(Path exitFile) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Completes when the process is gone (no longer {@link #isAlive}); works for processes this JVM did not
     * start (after a restart). Never completes exceptionally.
     */
    public static CompletableFuture<Void> onExit(ProcessIdentity id) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /**
     * Stops the whole tree: SIGTERM to the process group and to every descendant (also ones that called
     * setsid), waits up to {@code grace}, then SIGKILL to all that remain, and returns only when none of them
     * is alive. Returns false if the process was already gone before the call.
     */
    public static boolean stopTree(ProcessIdentity id, Duration grace) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
