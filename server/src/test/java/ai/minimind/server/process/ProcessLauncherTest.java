package ai.minimind.server.process;

import ai.minimind.server.testing.DetachedLaunch;
import ai.minimind.server.testing.JavaCommand;
import ai.minimind.server.testing.Poll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessLauncherTest {
    @TempDir
    Path dir;

    @Test
    void output_goes_straight_to_the_log_file_not_through_a_pipe() throws Exception {
        Path go = dir.resolve("go");
        try (TestJob job = TestJob.fake(dir, "{\"lines\": [\"hello\", \"中文 loss:1.5\"],"
                + " \"stderr_lines\": [\"warn\"], \"await_file\": \"" + go + "\"}")) {
            Poll.until("lines in log", () -> job.logText().contains("warn"));
            Path fdDir = Path.of("/proc", Long.toString(job.id().pid()), "fd");
            assertThat(Files.readSymbolicLink(fdDir.resolve("1"))).isEqualTo(job.log().toAbsolutePath());
            assertThat(Files.readSymbolicLink(fdDir.resolve("2"))).isEqualTo(job.log().toAbsolutePath());

            Files.createFile(go);

            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(0, null));
            assertThat(job.logText()).isEqualTo("hello\n中文 loss:1.5\nwarn\n");
        }
    }

    @Test
    void job_leads_its_own_session_and_process_group() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"sleep_ms\": -1}")) {
            ProcStat leader = ProcStat.read(job.id().pid()).orElseThrow();

            assertThat(leader.session()).isEqualTo(job.id().pid());
            assertThat(leader.pgrp()).isEqualTo(job.id().pid());
            assertThat(leader.startTicks()).isEqualTo(job.id().startTicks());
            assertThat(ProcessControl.isAlive(job.id())).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3})
    void records_the_exit_code(int code) throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"lines\": [\"bye\"], \"exit\": " + code + "}")) {
            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(code, null));
            assertThat(job.logText()).isEqualTo("bye\n");
        }
    }

    @Test
    void an_exit_code_beyond_the_signal_range_stays_an_exit_code() throws Exception {
        try (TestJob job = TestJob.launch(dir, List.of("/bin/sh", "-c", "exit 200"))) {
            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(200, null));
        }
    }

    @Test
    void a_stale_exit_file_from_an_earlier_run_is_removed_at_launch() throws Exception {
        Path go = dir.resolve("go");
        Files.createDirectories(dir.resolve("state"));
        Files.writeString(dir.resolve("state/job.exit"), "exit 0\n");
        try (TestJob job = TestJob.launch(dir, List.of("/bin/sh", "-c", "while [ ! -e go ]; do sleep 0.05; done"))) {
            assertThat(job.exitStatus()).isEmpty();

            Files.createFile(go);

            assertThat(job.awaitExitStatus()).isEqualTo(new ExitStatus(0, null));
        }
    }

    @Test
    void records_death_by_sigkill_as_signal_9() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"signal\": 9}")) {
            ExitStatus status = job.awaitExitStatus();

            assertThat(status).isEqualTo(new ExitStatus(null, 9));
            assertThat(status.succeeded()).isFalse();
        }
    }

    @Test
    void a_job_that_prints_nothing_still_gets_its_status_and_an_empty_log() throws Exception {
        try (TestJob job = TestJob.fake(dir, "{\"exit\": 0}")) {
            assertThat(job.awaitExitStatus().succeeded()).isTrue();
            assertThat(job.log()).exists().isEmptyFile();
        }
    }

    @Test
    void environment_is_exactly_the_given_map_plus_the_job_mark() throws Exception {
        try (TestJob job = TestJob.launch(dir, List.of("/usr/bin/env"))) {
            job.awaitExitStatus();

            assertThat(job.logText().lines().sorted().toList()).containsExactly(
                    "MINIMIND_JOB_MARK=" + job.id().jobMark(), "MINIMIND_TEST=1", "PATH=/usr/bin:/bin");
            assertThat(job.id().jobMark()).matches("[0-9a-f]{32}");
        }
    }

    @Test
    void arguments_reach_the_job_verbatim_without_shell_interpretation() throws Exception {
        Path pwned = dir.resolve("pwned");
        List<String> hostile = List.of("$(touch " + pwned + ")", "a b", "'; touch " + pwned + " #", "*", "");
        List<String> command = new ArrayList<>(List.of("/usr/bin/printf", "[%s]\\n"));
        command.addAll(hostile);
        try (TestJob job = TestJob.launch(dir, command)) {
            assertThat(job.awaitExitStatus().succeeded()).isTrue();

            assertThat(job.logText().lines().toList())
                    .containsExactlyElementsOf(hostile.stream().map(a -> "[" + a + "]").toList());
            assertThat(pwned).doesNotExist();
        }
    }

    @Test
    void rejects_an_empty_command_and_a_missing_work_dir_naming_them() {
        Path log = dir.resolve("job.log");
        Path exit = dir.resolve("job.exit");

        assertThatThrownBy(() -> ProcessLauncher.launch(List.of(), dir, TestJob.ENV, log, exit))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("command");
        assertThatThrownBy(() -> ProcessLauncher.launch(List.of("/bin/true"), dir.resolve("nope"), TestJob.ENV,
                log, exit)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("workDir");
    }

    @Test
    void job_outlives_a_launching_jvm_killed_with_sigkill_and_its_status_is_still_recorded() throws Exception {
        Path go = dir.resolve("go");
        Path script = dir.resolve("script.json");
        Files.writeString(script, "{\"fake\": {\"await_file\": \"" + go + "\", \"exit\": 3}}");
        List<String> args = new ArrayList<>(List.of(dir.resolve("job.log").toString(),
                dir.resolve("job.exit").toString(), dir.toString()));
        args.addAll(JavaCommand.fakeTrainer(script));
        Process server = new ProcessBuilder(JavaCommand.of(DetachedLaunch.class, args.toArray(String[]::new)))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        ProcessIdentity job = readIdentity(server);

        server.destroyForcibly();
        server.waitFor();

        assertThat(ProcessControl.isAlive(job)).isTrue();
        assertThat(ProcStat.read(job.pid()).orElseThrow().ppid()).isNotEqualTo(server.pid());
        Files.createFile(go);
        ProcessControl.onExit(job).get();
        assertThat(ProcessControl.isAlive(job)).isFalse();
        assertThat(Poll.value("exit file", () -> ProcessControl.readExitStatus(dir.resolve("job.exit"))))
                .isEqualTo(new ExitStatus(3, null));
    }

    private static ProcessIdentity readIdentity(Process server) throws Exception {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            String[] parts = out.readLine().split(" ");
            assertThat(parts[0]).isEqualTo("identity");
            return new ProcessIdentity(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
        }
    }
}
