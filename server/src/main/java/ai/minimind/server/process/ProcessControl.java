package ai.minimind.server.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Watching and stopping launched process groups (Linux {@code /proc} based; see {@link ProcessLauncher} for
 * the shape of a job: the wrapper shell leads the group, the job is its child).
 */
public final class ProcessControl {
    private static final long POLL_MS = 50;
    private static final long EXIT_POLL_MS = 250;
    /** After the job is gone, how long the wrapper may take to record the exit status before it is killed. */
    private static final long WRAPPER_GRACE_MS = 10_000;
    /** Upper bound of the SIGKILL phase; only processes stuck in uninterruptible sleep can exhaust it. */
    private static final long KILL_PHASE_MS = 30_000;
    private static final ScheduledExecutorService EXIT_POLLER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "minimind-exit-poller");
        thread.setDaemon(true);
        return thread;
    });

    private ProcessControl() {
    }

    /**
     * True while the process with this PID exists and has this start time (a reused PID answers false).
     * A zombie counts as dead.
     */
    public static boolean isAlive(ProcessIdentity id) {
        return ProcessTree.leader(id).isPresent();
    }

    /** The status the launch wrapper wrote, if the job has ended and the file is complete. */
    public static Optional<ExitStatus> readExitStatus(Path exitFile) {
        try {
            return ExitFile.parse(Files.readString(exitFile, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            // Missing (still running, or lost) and unreadable alike: no status to report.
            return Optional.empty();
        }
    }

    /**
     * Completes when the process is gone (no longer {@link #isAlive}); works for processes this JVM did not
     * start (after a restart). Never completes exceptionally. For our own children ProcessHandle.onExit gives
     * a prompt answer (the JDK waits on them anyway); a shared daemon poller re-checks every 250 ms for all.
     */
    public static CompletableFuture<Void> onExit(ProcessIdentity id) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable check = () -> {
            try {
                if (!isAlive(id)) {
                    done.complete(null);
                }
            } catch (RuntimeException e) {
                // A failed check is retried by the next poll.
            }
        };
        check.run();
        if (done.isDone()) {
            return done;
        }
        ProcessHandle.of(id.pid())
                .filter(handle -> handle.parent().map(ProcessHandle.current()::equals).orElse(false))
                .ifPresent(handle -> handle.onExit().whenComplete((h, e) -> check.run()));
        ScheduledFuture<?> poll = EXIT_POLLER.scheduleWithFixedDelay(check, EXIT_POLL_MS, EXIT_POLL_MS,
                TimeUnit.MILLISECONDS);
        done.whenComplete((v, e) -> poll.cancel(false));
        return done;
    }

    /**
     * Stops the whole tree: SIGTERM to the process group and to every descendant (also ones that called
     * setsid), waits up to {@code grace}, then SIGKILL to all that remain, and returns only when none of them
     * is alive. Returns false if the process was already gone before the call (stray marked processes it
     * left behind are still stopped).
     *
     * <p>In the SIGKILL phase the wrapper (group leader) is spared until everything else is gone, so it can
     * still record the job's death as {@code signal 9}; it is killed too if it does not exit by itself.
     *
     * @throws IllegalStateException if processes survive SIGKILL for 30 s (uninterruptible sleep)
     */
    public static boolean stopTree(ProcessIdentity id, Duration grace) {
        boolean wasAlive = isAlive(id);
        List<ProcStat> members = ProcessTree.members(id);
        if (members.isEmpty()) {
            return wasAlive;
        }
        if (wasAlive) {
            Signals.terminateGroup(id.pid());
        }
        members.forEach(m -> Signals.signal(m, false));
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && !ProcessTree.members(id).isEmpty()) {
            pause(POLL_MS);
        }
        killRemaining(id);
        return wasAlive;
    }

    private static void killRemaining(ProcessIdentity id) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(KILL_PHASE_MS);
        long leaderAloneSince = -1;
        while (System.nanoTime() < end) {
            List<ProcStat> members = ProcessTree.members(id);
            if (members.isEmpty()) {
                return;
            }
            List<ProcStat> others = members.stream().filter(m -> m.pid() != id.pid()).toList();
            if (!others.isEmpty()) {
                others.forEach(m -> Signals.signal(m, true));
                leaderAloneSince = -1;
            } else if (leaderAloneSince < 0) {
                leaderAloneSince = System.nanoTime();
            } else if (System.nanoTime() - leaderAloneSince > TimeUnit.MILLISECONDS.toNanos(WRAPPER_GRACE_MS)) {
                members.forEach(m -> Signals.signal(m, true));
            }
            pause(POLL_MS / 2);
        }
        throw new IllegalStateException("processes of job pid " + id.pid() + " survive SIGKILL: "
                + ProcessTree.members(id).stream().map(ProcStat::pid).toList());
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping a process tree", e);
        }
    }
}
