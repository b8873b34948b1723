package ai.minimind.server.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds every running process that belongs to a job, from one snapshot of {@code /proc}:
 * the group leader (when it is still the same process), the members of its process group, every
 * process whose environment carries the job's {@code MINIMIND_JOB_MARK} (this catches workers that called
 * setsid or were re-parented to init), and all descendants of those found by walking ppid links.
 * Zombies are left out: they are already dead.
 */
final class ProcessTree {
    static final String MARK_VARIABLE = "MINIMIND_JOB_MARK";
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** The leader's stat when the identity still names a running process (same PID and start time). */
    static Optional<ProcStat> leader(ProcessIdentity id) {
        return ProcStat.read(id.pid()).filter(s -> s.startTicks() == id.startTicks() && s.isRunning());
    }

    /** All running processes of the job, leader first when alive; never includes this JVM. */
    static List<ProcStat> members(ProcessIdentity id) {
        Map<Long, ProcStat> all = snapshot();
        all.remove(ProcessHandle.current().pid());
        Map<Long, ProcStat> found = new LinkedHashMap<>();
        ProcStat leader = all.get(id.pid());
        boolean leaderAlive = leader != null && leader.startTicks() == id.startTicks();
        if (leaderAlive) {
            found.put(leader.pid(), leader);
        }
        for (ProcStat p : all.values()) {
            // The PID of a live group is never handed out again, so its members are ours while the leader is.
            boolean inGroup = leaderAlive && p.pgrp() == id.pid();
            if (inGroup || carriesMark(p.pid(), id.jobMark())) {
                found.putIfAbsent(p.pid(), p);
            }
        }
        addDescendants(all, found);
        return new ArrayList<>(found.values());
    }

    private static void addDescendants(Map<Long, ProcStat> all, Map<Long, ProcStat> found) {
        Map<Long, List<ProcStat>> children = new HashMap<>();
        for (ProcStat p : all.values()) {
            children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p);
        }
        Deque<Long> todo = new ArrayDeque<>(found.keySet());
        while (!todo.isEmpty()) {
            for (ProcStat child : children.getOrDefault(todo.pop(), List.of())) {
                if (found.putIfAbsent(child.pid(), child) == null) {
                    todo.push(child.pid());
                }
            }
        }
    }

    /** Every running (non-zombie) process, keyed by PID. */
    private static Map<Long, ProcStat> snapshot() {
        Map<Long, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, ProcessTree::isPidDirectory)) {
            for (Path dir : dirs) {
                ProcStat.read(Long.parseLong(dir.getFileName().toString()))
                        .filter(ProcStat::isRunning)
                        .ifPresent(s -> all.put(s.pid(), s));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return all;
    }

    private static boolean isPidDirectory(Path path) {
        String name = path.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    /**
     * Whether {@code /proc/PID/environ} (NUL-separated NAME=value entries) holds exactly
     * {@code MINIMIND_JOB_MARK=mark}. Unreadable environments (other users, vanished processes) do not.
     */
    static boolean carriesMark(long pid, String mark) {
        if (mark == null || mark.isEmpty()) {
            return false;
        }
        byte[] wanted = (MARK_VARIABLE + "=" + mark).getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] environ = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            int start = 0;
            for (int i = 0; i <= environ.length; i++) {
                if (i == environ.length || environ[i] == 0) {
                    if (i - start == wanted.length && Arrays.equals(environ, start, i, wanted, 0,
                            wanted.length)) {
                        return true;
                    }
                    start = i + 1;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
