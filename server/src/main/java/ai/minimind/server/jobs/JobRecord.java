package ai.minimind.server.jobs;

import ai.minimind.server.process.ProcessIdentity;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training job as stored in {@code training_processes.json} and listed by {@code GET /processes}: the
 * original UI's fields ({@code id, pid, train_type, log_file, start_time, end_time, running, error,
 * manually_stopped, train_monitor, swanlab_url, command, params}) plus {@code state, exit_code, client_id} and
 * ours. {@code end_time} is a field api.md adds, so it is ISO-8601 with offset; the legacy {@code start_time}
 * keeps the original local format and {@code started_at} has it in ISO. {@code logFile} is relative to the data
 * folder; {@code pidStartTicks} and {@code jobMark} complete the {@link ProcessIdentity} so a restarted server
 * never mistakes a reused PID for the job.
 */
public record JobRecord(String id, String clientId, String trainType, JobState state, Long pid, Long pidStartTicks,
                        String jobMark, String logFile, String startTime, String startedAt, String endTime,
                        boolean manuallyStopped, Integer exitCode, Integer signal,
                        String errorMessage, String trainMonitor, String swanlabUrl, String command,
                        Map<String, Object> params) {

    public JobRecord {
        // Kept in the table's order, as the command line has them.
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Legacy flag: the job is still going. */
    @JsonProperty("running")
    public boolean running() {
        return state == JobState.RUNNING;
    }

    /** Legacy flag: the job ended badly (failed, or lost with no exit status). */
    @JsonProperty("error")
    public boolean error() {
        return state == JobState.FAILED || state == JobState.LOST;
    }

    /** Legacy display text. */
    @JsonProperty("status")
    public String status() {
        return state.legacyStatus();
    }

    @JsonIgnore
    public ProcessIdentity identity() {
        return pid == null ? null : new ProcessIdentity(pid, pidStartTicks == null ? -1 : pidStartTicks, jobMark);
    }

    /** The launched process is known: the job runs. */
    public JobRecord launched(ProcessIdentity process) {
        return new JobRecord(id, clientId, trainType, JobState.RUNNING, process.pid(), process.startTicks(),
                process.jobMark(), logFile, startTime, startedAt, endTime, manuallyStopped, exitCode, signal,
                errorMessage, trainMonitor, swanlabUrl, command, params);
    }

    /** A final state with how the process ended (codes may be null when unknown). */
    public JobRecord ended(JobState finalState, Integer code, Integer sig, String message, Timestamps.Pair at,
                           boolean byUser) {
        return new JobRecord(id, clientId, trainType, finalState, pid, pidStartTicks, jobMark, logFile, startTime,
                startedAt, at.iso(), byUser, code, sig, message, trainMonitor, swanlabUrl, command,
                params);
    }

    public JobRecord withSwanlabUrl(String url) {
        return new JobRecord(id, clientId, trainType, state, pid, pidStartTicks, jobMark, logFile, startTime,
                startedAt, endTime, manuallyStopped, exitCode, signal, errorMessage, trainMonitor, url,
                command, params);
    }
}
