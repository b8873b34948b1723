package ai.minimind.server.jobs;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A job's machine-readable state, with the original web UI's display text for each. */
public enum JobState {
    QUEUED("排队中"), RUNNING("运行中"), SUCCEEDED("已完成"), FAILED("出错"), STOPPED("手动停止"), LOST("出错");

    private final String legacyStatus;

    JobState(String legacyStatus) {
        this.legacyStatus = legacyStatus;
    }

    /** The original UI's {@code status} text. */
    public String legacyStatus() {
        return legacyStatus;
    }

    /** Queued or running: the job may still have live processes. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static JobState fromWire(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
