package ai.minimind.server.process;

import ai.minimind.server.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessControlTest {
    /** Waited out in full only by processes that ignore SIGTERM. */
    private static final Duration GRACE = Duration.ofMillis(500);
    /** For jobs that must end by SIGTERM: stopTree returns as soon as they do, even on a loaded machine. */
    static final Duration AMPLE_GRACE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void is_alive_is_false_for_a_reused_pid_with_another_start_time() {
        long self = ProcessHandle.current().pid();
        long ticks = ProcStat.read(self).orElseThrow().startTicks();

        assertThat(ProcessControl.isAlive(new ProcessIdentity(self, ticks, "m"))).isTrue();
        assertThat(ProcessControl.isAlive(new ProcessIdentity(self, ticks + 1, "m"))).isFalse();
        assertThat(ProcessControl.isAlive(new ProcessIdentity(Integer.MAX_VALUE, ticks, "m"))).isFalse();
    }

    @Test
    void stop_tree_never_signals_the_calling_jvm_or_its_group() {
        long self = ProcessHandle.current().pid();
        ProcessIdentity me = new ProcessIdentity(self, ProcStat.read(self).orElseThrow().startTicks(), "");

        ProcessControl.stopTree(me, Duration.ZERO);

        assertThat(ProcessControl.isAlive(me)).isTrue();
    }

    @Test
    void a_zombie_counts_as_dead() throws Exception {
        // The shell's background child is never waited for once sleep has replaced the shell: a zombie.
        Process parent = new ProcessBuilder("/bin/sh", "-c", "/bin/true & exec /usr/bin/sleep 1000").start();
        try {
            ProcStat zombie = Poll.value("zombie child", () -> childInState(parent.pid(), 'Z'));

            assertThat(ProcessControl.isAlive(new ProcessIdentity(zombie.pid(), zombie.startTicks(), ""))).isFalse();
        } finally {
            parent.destroyForcibly().waitFor();
        }
    }

    @Test
    void stop_tree_kills_the_job_and_its_grandchild_and_records_sigterm() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"grandchild\": true, \"sleep_ms\": -1}")) {
            ProcessIdentity grandchild = job.printedProcess("grandchild_pid");
            assertThat(ProcessControl.isAlive(grandchild)).isTrue();

            assertThat(ProcessControl.stopTree(job.id(), AMPLE_GRACE)).isTrue();

            assertThat(ProcessControl.isAlive(job.id())).isFalse();
            assertThat(ProcessControl.isAlive(grandchild)).isFalse();
            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(null, 15));
        }
    }

    @Test
    void stop_tree_kills_a_child_that_ignores_sigterm_after_the_grace() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"ignore_term\": true, \"sleep_ms\": -1}")) {
            ProcessIdentity stubborn = job.printedProcess("term_ignoring_child_pid");
            assertThat(ProcStat.read(stubborn.pid()).orElseThrow().comm()).isEqualTo("sleep");

            assertThat(ProcessControl.stopTree(job.id(), GRACE)).isTrue();

            assertThat(ProcessControl.isAlive(stubborn)).isFalse();
            assertThat(ProcessTree.members(job.id())).isEmpty();
        }
    }

    @Test
    void a_job_that_ignores_sigterm_is_killed_and_recorded_as_signal_9() throws Exception {
        List<String> stubbornJob = List.of("/bin/sh", "-c", "trap '' TERM; echo ready; exec /usr/bin/sleep 1000");
        try (TestJob job = TestJob.launch(dir, stubbornJob)) {
            Poll.until("job ready", () -> job.logText().contains("ready"));

            assertThat(ProcessControl.stopTree(job.id(), GRACE)).isTrue();

            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(null, 9));
        }
    }

    @Test
    void stopping_right_after_launch_still_records_the_exit_status() throws Exception {
        try (TestJob job = TestJob.launch(dir, List.of("/usr/bin/sleep", "1000"))) {
            assertThat(ProcessControl.stopTree(job.id(), AMPLE_GRACE)).isTrue();

            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(null, 15));
        }
    }

    @Test
    void stop_tree_finds_a_worker_that_left_the_session_with_setsid() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"setsid_worker\": true, \"sleep_ms\": -1}")) {
            ProcessIdentity worker = job.printedProcess("setsid_worker_pid");
            assertThat(ProcStat.read(worker.pid()).orElseThrow().session()).isNotEqualTo(job.id().pid());

            assertThat(ProcessControl.stopTree(job.id(), GRACE)).isTrue();

            assertThat(ProcessControl.isAlive(worker)).isFalse();
        }
    }

    @Test
    void stop_tree_also_stops_a_setsid_worker_orphaned_by_a_job_that_already_ended() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"setsid_worker\": true, \"exit\": 0}")) {
            ProcessIdentity worker = job.printedProcess("setsid_worker_pid");
            job.awaitExitStatus();
            ProcessControl.onExit(job.id()).get(30, TimeUnit.SECONDS);
            assertThat(ProcessControl.isAlive(worker)).isTrue();

            assertThat(ProcessControl.stopTree(job.id(), GRACE)).isFalse();

            assertThat(ProcessControl.isAlive(worker)).isFalse();
        }
    }

    @Test
    void stop_tree_of_a_finished_job_returns_false() throws Exception {
        try (TestJob job = TestJob.launch(dir, List.of("/bin/true"))) {
            job.awaitExitStatus();
            ProcessControl.onExit(job.id()).get(30, TimeUnit.SECONDS);

            assertThat(ProcessControl.stopTree(job.id(), GRACE)).isFalse();
        }
    }

    @Test
    void on_exit_completes_when_the_job_ends() throws Exception {
        Path go = dir.resolve("go");
        try (TestJob job = TestJob.fake(dir, "{\"await_file\": \"" + go + "\", \"exit\": 2}")) {
            var exit = ProcessControl.onExit(job.id());
            assertThat(exit).isNotDone();

            Files.createFile(go);

            exit.get(30, TimeUnit.SECONDS);
            assertThat(ProcessControl.isAlive(job.id())).isFalse();
            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(2, null));
        }
    }

    @Test
    void on_exit_of_a_process_that_is_already_gone_is_complete() {
        assertThat(ProcessControl.onExit(new ProcessIdentity(Integer.MAX_VALUE, 1, "m"))).isCompleted();
    }

    private static Optional<ProcStat> childInState(long parent, char state) {
        try (var dirs = Files.list(Path.of("/proc"))) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(n -> ProcStat.read(Long.parseLong(n))).flatMap(Optional::stream)
                    .filter(s -> s.ppid() == parent && s.state() == state).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
