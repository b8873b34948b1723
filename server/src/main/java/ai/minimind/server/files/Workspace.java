package ai.minimind.server.files;

import java.nio.file.Path;

/**
 * One client's folder under the data folder: {@code clients/<client_id>/} with {@code work/} (the job's working
 * directory), {@code out/}, {@code checkpoints/}, {@code logs/}, and the links {@code dataset} → the shared
 * datasets and {@code model} → the tokenizer. A job run from {@code work/} finds MiniMind's relative defaults
 * ({@code ../dataset}, {@code ../out}, {@code ../checkpoints}, {@code ../model}) in place.
 */
public record Workspace(String clientId, Path root) {

    public Path work() {
        return root.resolve("work");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    /** The log file of a job (a plain file name, already validated). */
    public Path log(String fileName) {
        return logs().resolve(fileName);
    }
}
