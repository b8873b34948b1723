package ai.minimind.server.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sending SIGTERM/SIGKILL without ever hitting a process that merely reuses a PID: each single-process signal
 * is preceded by a start-time check, and ProcessHandle itself re-checks the start time before {@code kill(2)}.
 * Whole groups are signalled with the {@code kill} binary ({@code kill -TERM -- -PGID}), which reaches members
 * forked after our /proc snapshot.
 */
final class Signals {
    private static final String KILL_BINARY = List.of("/usr/bin/kill", "/bin/kill").stream()
            .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElse("kill");

    private Signals() {
    }

    /** SIGTERM ({@code force} false) or SIGKILL to one process, only if it is still the one in {@code stat}. */
    static void signal(ProcStat stat, boolean force) {
        boolean same = ProcStat.read(stat.pid()).map(now -> now.startTicks() == stat.startTicks()).orElse(false);
        if (!same || stat.pid() == ProcessHandle.current().pid()) {
            return;
        }
        ProcessHandle.of(stat.pid()).ifPresent(handle -> {
            if (force) {
                handle.destroyForcibly();
            } else {
                handle.destroy();
            }
        });
    }

    /**
     * SIGTERM to every member of process group {@code pgid}; best effort, waits for the kill binary.
     * Never signals this JVM's own group (a job always has a group of its own).
     */
    static void terminateGroup(long pgid) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to signal process group " + pgid);
        }
        long ownGroup = ProcStat.read(ProcessHandle.current().pid()).map(ProcStat::pgrp).orElse(-1L);
        if (pgid == ownGroup) {
            return;
        }
        ProcessBuilder kill = new ProcessBuilder(KILL_BINARY, "-TERM", "--", "-" + pgid)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = kill.start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // The per-process signals that follow still reach every member we know of.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
