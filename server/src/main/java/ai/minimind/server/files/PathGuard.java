package ai.minimind.server.files;

import ai.minimind.server.api.ApiException.ValidationFailed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps path parameters inside what a client may reach. A value is resolved against the job's working directory
 * the way the kernel will resolve it — segment by segment, following links as they are met (so {@code
 * ../dataset/../../x} climbs out of the real datasets folder, not out of the link) — and must end inside the
 * client's workspace (outputs), or inside the workspace or a shared read-only folder (inputs).
 */
public final class PathGuard {
    private PathGuard() {
    }

    /** Returns {@code value} unchanged when allowed; otherwise a 400 that names {@code field}. */
    public static String check(String field, String value, Workspace ws, List<Path> sharedInputs, boolean output) {
        if (value.indexOf('\0') >= 0 || value.indexOf('\\') >= 0 || value.indexOf('%') >= 0) {
            // %: refuse URL-encoded or double-encoded escapes (%2e%2e, %252e) outright instead of guessing.
            throw refused(field, value, "contains NUL, a backslash or a %-escape");
        }
        if (value.startsWith("/") || value.startsWith("~")) {
            throw refused(field, value, "is absolute; use a path relative to the job folder like "
                    + (output ? "../out" : "../dataset/<file>"));
        }
        Path resolved = physical(field, value, ws.work());
        List<Path> allowed = new ArrayList<>();
        allowed.add(real(ws.root()));
        if (!output) {
            sharedInputs.stream().filter(Files::exists).map(PathGuard::real).forEach(allowed::add);
        }
        if (allowed.stream().noneMatch(resolved::startsWith)) {
            throw refused(field, value, output ? "leaves your workspace" : "leaves your workspace and the shared data");
        }
        return value;
    }

    private static Path physical(String field, String value, Path workDir) {
        Path current = real(workDir);
        boolean existing = true;
        for (String segment : value.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (!existing) {
                    throw refused(field, value, "climbs out of a folder that does not exist");
                }
                current = current.getParent() == null ? current : current.getParent();
                continue;
            }
            current = current.resolve(segment);
            if (existing && Files.exists(current)) {
                current = real(current);
            } else {
                existing = false;
            }
        }
        return current;
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    private static ValidationFailed refused(String field, String value, String why) {
        return new ValidationFailed(field + " '" + value.replace("\0", "\\0") + "' " + why);
    }
}
