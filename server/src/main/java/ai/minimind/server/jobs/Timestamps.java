package ai.minimind.server.jobs;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** The two time formats of api.md: legacy local {@code YYYY-MM-DD HH:MM:SS} and ISO-8601 with offset. */
public final class Timestamps {
    private static final DateTimeFormatter LEGACY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Timestamps() {
    }

    /** One instant in both formats. */
    public record Pair(String legacy, String iso) {
    }

    public static Pair now() {
        return of(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    public static Pair of(OffsetDateTime time) {
        return new Pair(time.format(LEGACY), time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    }

    public static String isoNow() {
        return now().iso();
    }
}
