package ai.minimind.server.dispatch;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * Chinese for the table's one-line parameter help (the web page is Chinese by default, as MiniMind's was), from
 * {@code help-zh.json} beside this class, keyed by the English text so that the table stays the one place where
 * a parameter is described.
 */
final class HelpZh {
    private static final Map<String, String> TEXTS = load();

    private HelpZh() {
    }

    static Optional<String> of(String english) {
        return Optional.ofNullable(TEXTS.get(english));
    }

    private static Map<String, String> load() {
        try (InputStream in = HelpZh.class.getResourceAsStream("help-zh.json")) {
            if (in == null) {
                throw new IllegalStateException("help-zh.json is missing from the server jar");
            }
            return Map.copyOf(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("help-zh.json is unreadable", e);
        }
    }
}
