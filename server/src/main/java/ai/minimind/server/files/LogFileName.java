package ai.minimind.server.files;

import ai.minimind.server.api.ApiException.BadRequest;
import java.util.regex.Pattern;

/** Log file names {@code train_<type>_<process_id>.log}: the only names the log-file routes accept. */
public final class LogFileName {
    private static final Pattern PATTERN =
            Pattern.compile("train_[a-z]+_[0-9]{8}_[0-9]{6}_[A-Za-z0-9_-]{8}\\.log");

    private LogFileName() {
    }

    public static String of(String trainType, String processId) {
        return "train_" + trainType + "_" + processId + ".log";
    }

    /** The exit-status file written next to a log. */
    public static String exitFileOf(String logFileName) {
        return logFileName.substring(0, logFileName.length() - ".log".length()) + ".exit";
    }

    /** Returns the name when it is a log-file name; a 400 for separators, dot-dot, NUL or any other shape. */
    public static String requireValid(String name) {
        if (name.contains("/") || name.contains("\\") || name.contains("..") || name.indexOf('\0') >= 0) {
            throw new BadRequest("filename must not contain '/', '\\', '..' or NUL");
        }
        if (!PATTERN.matcher(name).matches()) {
            throw new BadRequest("filename must look like train_<type>_<process_id>.log");
        }
        return name;
    }
}
