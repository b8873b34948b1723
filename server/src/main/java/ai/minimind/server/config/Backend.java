package ai.minimind.server.config;

import java.util.Locale;

/** Which trainers run the jobs: the project's own engine, or scripts of an existing MiniMind Python checkout. */
public enum Backend {
    BUILTIN, PYTHON;

    /** Parses {@code builtin} or {@code python} (any case); anything else names the accepted values. */
    public static Backend parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "builtin" -> BUILTIN;
            case "python" -> PYTHON;
            default -> throw new IllegalArgumentException("backend must be builtin or python, got '" + text + "'");
        };
    }
}
