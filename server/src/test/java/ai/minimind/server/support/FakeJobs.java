package ai.minimind.server.support;

import ai.minimind.server.testing.Poll;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Driving FakeTrainer jobs through the HTTP API: a script goes into the shared datasets folder and reaches the
 * trainer as {@code data_path=../dataset/<file>} (the only MiniMind parameter the fake reads).
 */
public final class FakeJobs {
    private final Path datasets;

    public FakeJobs(Path datasets) {
        this.datasets = datasets;
    }

    /** Writes {@code {"fake": <scriptJson>}} and returns the data_path that names it. */
    public String script(String scriptJson) {
        String name = "fake-" + UUID.randomUUID() + ".json";
        try {
            Files.writeString(datasets.resolve(name), "{\"fake\": " + scriptJson + "}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "../dataset/" + name;
    }

    /** Starts an sft job following the script; returns its process id. */
    public String start(Http client, String scriptJson) {
        Http.Response r = client.post("/train", Map.of("train_type", "sft", "data_path", script(scriptJson),
                "epochs", "1"));
        if (r.status() != 200) {
            throw new AssertionError("train failed: " + r.status() + " " + r.body());
        }
        return r.json().get("process_id").asText();
    }

    /** The job as {@code GET /api/processes/<id>} shows it. */
    public static JsonNode job(Http client, String id) {
        return client.get("/api/processes/" + id).json();
    }

    /** Waits until the job reaches {@code state}; returns its record. */
    public static JsonNode awaitState(Http client, String id, String state) {
        return Poll.value("job " + id + " to be " + state, () -> {
            JsonNode job = job(client, id);
            return state.equals(job.path("state").asText()) ? Optional.of(job) : Optional.empty();
        });
    }

    /** Waits until the job's log contains {@code text}; returns the log tail. */
    public static String awaitLog(Http client, String id, String text) {
        return Poll.value("log of " + id + " to contain " + text, () -> {
            String log = client.get("/logs/" + id + "?lines=10000").body();
            return log.contains(text) ? Optional.of(log) : Optional.empty();
        });
    }

    /** The number after {@code key=} in a log. */
    public static long pidAfter(String log, String key) {
        int at = log.indexOf(key + "=");
        int end = log.indexOf('\n', at);
        return Long.parseLong(log.substring(at + key.length() + 1, end).trim());
    }

    /** Whether a process with this pid is alive (zombies count as dead). */
    public static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
        } catch (IOException e) {
            return false;
        }
    }
}
