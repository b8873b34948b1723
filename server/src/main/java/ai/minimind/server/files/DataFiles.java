package ai.minimind.server.files;

import ai.minimind.server.api.ApiException.ValidationFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The training data file must exist when the job is submitted. MiniMind's defaults name its full data sets
 * ({@code ../dataset/sft_mini_512.jsonl}, ...), which a shared folder with other files does not have: refusing the
 * request with the files that are there beats a job that fails a second later with exit code 1.
 */
public final class DataFiles {
    private static final int LISTED = 20;

    private DataFiles() {
    }

    /** A 400 naming {@code field} unless {@code value}, relative to the job folder, is a readable file. */
    public static void requireFile(String field, String value, boolean scriptDefault, Workspace ws) {
        Path file = ws.work().resolve(value).normalize();
        if (Files.isRegularFile(file) && Files.isReadable(file)) {
            return;
        }
        throw new ValidationFailed(field + " '" + value + "'" + (scriptDefault ? " (the script's default)" : "")
                + " is not a file; ../dataset has: " + listing(ws.root().resolve("dataset")));
    }

    /** The .jsonl files in the shared datasets folder, by name. */
    private static String listing(Path datasets) {
        try (Stream<Path> files = Files.list(datasets)) {
            String names = String.join(", ", files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jsonl")).sorted().limit(LISTED).toList());
            return names.isEmpty() ? "no .jsonl files" : names;
        } catch (IOException e) {
            return "nothing (the shared datasets folder is missing)";
        }
    }
}
