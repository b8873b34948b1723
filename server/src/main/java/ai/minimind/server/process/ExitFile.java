package ai.minimind.server.process;

import java.util.Optional;

/**
 * The one-line exit-status file format written by the launch wrapper: {@code exit N} for a normal exit with
 * code N, {@code signal N} for death by signal N. The wrapper writes it to a temporary name and renames it,
 * so a reader sees either no file or a complete one.
 */
final class ExitFile {
    private ExitFile() {
    }

    /** The status in {@code content}, or empty when it is not a complete line of the format above. */
    static Optional<ExitStatus> parse(String content) {
        if (!content.endsWith("\n")) {
            return Optional.empty();
        }
        String[] parts = content.trim().split(" ");
        if (parts.length != 2 || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(parts[1]);
        return switch (parts[0]) {
            case "exit" -> Optional.of(new ExitStatus(value, null));
            case "signal" -> Optional.of(new ExitStatus(null, value));
            default -> Optional.empty();
        };
    }
}
