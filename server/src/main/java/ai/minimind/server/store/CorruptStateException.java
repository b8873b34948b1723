package ai.minimind.server.store;

import java.nio.file.Path;

/**
 * A state file could not be read as the expected JSON. The file has been moved aside (never replaced by an empty
 * state) and the server refuses to start until a person has looked at it.
 */
public final class CorruptStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptStateException(Path file, Path movedTo, String reason) {
        super("state file " + file + " is unreadable (" + reason + "); moved it aside to " + movedTo
                + "; restore a good copy or remove it, then start again");
    }
}
