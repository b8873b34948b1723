package ai.minimind.server.jobs;

import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Process ids {@code YYYYMMDD_HHMMSS_} + 8 random URL-safe characters: they sort by start time like the
 * original's bare timestamps, and 64^8 suffixes make a collision within one second negligible (the store and
 * the log file's CREATE_NEW still reject one).
 */
public final class ProcessIds {
    private static final Pattern PATTERN = Pattern.compile("[0-9]{8}_[0-9]{6}_[A-Za-z0-9_-]{8}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ProcessIds() {
    }

    public static String next() {
        StringBuilder id = new StringBuilder(LocalDateTime.now().format(STAMP)).append('_');
        for (int i = 0; i < 8; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Whether the text has the shape of a process id (anything else cannot name a job). */
    public static boolean isWellFormed(String text) {
        return PATTERN.matcher(text).matches();
    }
}
