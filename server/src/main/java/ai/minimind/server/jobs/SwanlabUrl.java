package ai.minimind.server.jobs;

import ai.minimind.server.logs.LogReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The experiment-tracking run URL, parsed like the original web UI: the line after the one containing
 * {@code swanlab: 🚀 View run at}. Only the log's last lines are read, so the cost stays bounded.
 */
public final class SwanlabUrl {
    static final String MARKER = "swanlab: 🚀 View run at";
    private static final int LINES = 400;

    private SwanlabUrl() {
    }

    public static Optional<String> find(Path log) {
        try {
            List<String> lines = LogReader.tail(log, LINES).lines().toList();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).contains(MARKER)) {
                    String url = lines.get(i + 1).trim();
                    if (url.startsWith("http://") || url.startsWith("https://")) {
                        return Optional.of(url);
                    }
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a job may print a run URL at all. */
    static boolean tracked(JobRecord job) {
        return job.swanlabUrl() == null && ("swanlab".equals(job.trainMonitor()) || "wandb".equals(job.trainMonitor()));
    }
}
