package ai.minimind.server.dispatch;

import ai.minimind.server.api.ApiException.ValidationFailed;
import ai.minimind.server.config.Backend;
import ai.minimind.server.config.ServerConfig;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which train types this server can run. The project's own engine trains {@link #IN_BUILTIN_ENGINE} so far; the
 * others exist as MiniMind scripts, so the python backend runs all seven. A server started with another
 * {@code --engine-command} cannot know what that engine supports and offers every type. Refusing up front with a
 * 400 that says what to do beats a job that fails a second later with "not implemented".
 */
public final class Availability {
    private static final List<String> IN_BUILTIN_ENGINE = List.of("pretrain", "sft");

    private final ServerConfig config;

    public Availability(ServerConfig config) {
        this.config = config;
    }

    /** One row of {@code GET /api/train-types}: the table's entry plus whether this server runs it. */
    public record Offered(@JsonUnwrapped TrainType type, boolean available) {
    }

    public boolean runs(TrainType type) {
        return config.backend() == Backend.PYTHON || !config.stockEngine() || IN_BUILTIN_ENGINE.contains(type.name());
    }

    /** The dispatcher's table as this server offers it. */
    public Map<String, Offered> table() {
        Map<String, Offered> offered = new LinkedHashMap<>();
        TrainTypes.all().forEach((name, type) -> offered.put(name, new Offered(type, runs(type))));
        return offered;
    }

    /** A 400 naming {@code train_type} and the way to run it, unless this server runs {@code type}. */
    public void require(TrainType type) {
        if (!runs(type)) {
            throw new ValidationFailed("train_type '" + type.name() + "' is not in the builtin engine yet (it trains "
                    + String.join(", ", IN_BUILTIN_ENGINE) + "); MiniMind's " + type.script() + " needs a server"
                    + " started with --backend python --checkout <a MiniMind checkout>");
        }
    }
}
