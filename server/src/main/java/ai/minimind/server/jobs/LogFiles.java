package ai.minimind.server.jobs;

import ai.minimind.server.api.ApiException.Conflict;
import ai.minimind.server.api.ApiException.Internal;
import ai.minimind.server.api.ApiException.NotFound;
import ai.minimind.server.files.LogFileName;
import ai.minimind.server.files.Workspaces;
import ai.minimind.server.logs.LogReader;
import ai.minimind.server.store.JobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A client's log files, found in its own {@code logs/} folder, so ownership never depends on a job record that
 * may be gone. File names are validated before they touch the file system.
 */
public final class LogFiles {
    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Workspaces workspaces;
    private final JobStore store;

    public LogFiles(Workspaces workspaces, JobStore store) {
        this.workspaces = workspaces;
        this.store = store;
    }

    /** One entry of {@code GET /logfiles}; {@code modified_time} in the legacy local format. */
    public record Entry(String filename, String modifiedTime, long size) {
    }

    /** The client's log files, newest first. */
    public List<Entry> list(String clientId) {
        Path dir = workspaces.find(clientId).logs();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(LogFiles::entry)
                    .sorted(Comparator.comparing(Entry::modifiedTime).thenComparing(Entry::filename).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }

    /** The whole file, decoded to UTF-8 as it streams. */
    public InputStream content(String clientId, String filename) {
        try {
            return LogReader.decodedStream(existing(clientId, filename));
        } catch (IOException e) {
            throw new NotFound("no log file '" + filename + "'");
        }
    }

    /** Deletes a log (and its exit file) unless its job is still running. */
    public void delete(String clientId, String filename) {
        Path file = existing(clientId, filename);
        boolean active = store.ofClient(clientId).stream().filter(j -> j.state().active())
                .anyMatch(j -> Path.of(j.logFile()).getFileName().toString().equals(filename));
        if (active) {
            throw new Conflict("log file '" + filename + "' belongs to a process that is still running");
        }
        try {
            Files.delete(file);
            Files.deleteIfExists(file.resolveSibling(LogFileName.exitFileOf(filename)));
        } catch (IOException e) {
            throw new Internal("could not delete log file '" + filename + "'");
        }
    }

    private Path existing(String clientId, String filename) {
        Path file = workspaces.find(clientId).log(LogFileName.requireValid(filename));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NotFound("no log file '" + filename + "'");
        }
        return file;
    }

    private static Entry entry(Path file) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            String modified = attrs.lastModifiedTime().toInstant().atZone(ZoneId.systemDefault()).format(LEGACY);
            return new Entry(file.getFileName().toString(), modified, attrs.size());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }
}
