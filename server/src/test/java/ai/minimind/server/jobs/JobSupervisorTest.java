package ai.minimind.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import ai.minimind.server.api.Json;
import ai.minimind.server.process.ProcessIdentity;
import ai.minimind.server.store.JobStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's own decisions, on records whose processes are in a known state. */
class JobSupervisorTest {
    @TempDir
    Path dataDir;

    @Test
    void stopping_a_job_that_already_exited_on_its_own_reports_its_real_outcome_not_stopped() throws Exception {
        // A real process that has ended: its PID no longer names a live process with that start time.
        Process done = new ProcessBuilder("true").start();
        done.waitFor();
        JobStore store = new JobStore(dataDir.resolve("training_processes.json"), Json.newMapper());
        JobRecord job = running("20261203_120000_a1b2", new ProcessIdentity(done.pid(), 1L, "mark"));
        store.insert(job);
        Path log = dataDir.resolve(job.logFile());
        Files.createDirectories(log.getParent());
        Files.writeString(log, "done\n");
        JobSupervisor supervisor = new JobSupervisor(store, dataDir, java.time.Duration.ofSeconds(1));
        Files.writeString(supervisor.exitFile(job), "exit 0\n"); // the wrapper's last word; no watcher saw it yet

        assertThat(supervisor.stop(job.id())).isFalse();

        JobRecord after = store.get(job.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(after.exitCode()).isZero();
        assertThat(after.manuallyStopped()).isFalse();
        assertThat(after.endTime()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}[+-]\\d{2}:\\d{2}|.*Z");
    }

    private static JobRecord running(String id, ProcessIdentity process) {
        return new JobRecord(id, "c_1", "sft", JobState.QUEUED, null, null, null,
                "clients/c_1/logs/train_sft_" + id + ".log", "2026-12-03 12:00:00", "2026-12-03T12:00:00+00:00",
                null, false, null, null, null, "none", null, "train sft", Map.of()).launched(process);
    }
}
