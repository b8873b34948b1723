package ai.minimind.server.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/** Creates and finds client workspaces (see {@link Workspace}) under {@code <data-dir>/clients}. */
public final class Workspaces {
    private final Path clientsDir;
    private final Path datasets;
    private final Path tokenizer;

    public Workspaces(Path dataDir, Path datasets, Path tokenizer) {
        this.clientsDir = dataDir.resolve("clients");
        this.datasets = datasets;
        this.tokenizer = tokenizer;
    }

    /** The client's workspace; never touches the disk (log listing of a client without jobs finds no folder). */
    public Workspace find(String clientId) {
        return new Workspace(clientId, clientsDir.resolve(clientId));
    }

    /** The client's workspace with every folder and link in place (idempotent; links follow the config). */
    public synchronized Workspace prepare(String clientId) {
        Workspace ws = find(clientId);
        try {
            for (String dir : List.of("work", "out", "checkpoints", "logs")) {
                Files.createDirectories(ws.root().resolve(dir));
            }
            link(ws.root().resolve("dataset"), datasets);
            link(ws.root().resolve("model"), tokenizer);
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the workspace of client " + clientId, e);
        }
        return ws;
    }

    /** Shared read-only folders that input paths may reach besides the workspace. */
    public List<Path> sharedInputs() {
        return List.of(datasets, tokenizer);
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link)) {
            if (Files.readSymbolicLink(link).equals(target)) {
                return;
            }
            Files.delete(link);
        } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(link + " exists and is not a link");
        }
        Files.createSymbolicLink(link, target);
    }
}
