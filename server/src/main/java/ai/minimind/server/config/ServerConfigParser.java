package ai.minimind.server.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link ServerConfig} from {@code serve} flags and the environment: flag &gt; env var &gt; default.
 * Unknown flags and malformed values fail with a message naming the flag.
 */
public final class ServerConfigParser {
    /** Flag name → environment variable that may supply it. */
    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("host", "MINIMIND_HOST"), Map.entry("port", "MINIMIND_PORT"),
            Map.entry("data-dir", "MINIMIND_DATA_DIR"), Map.entry("datasets", "MINIMIND_DATASETS"),
            Map.entry("tokenizer", "MINIMIND_TOKENIZER"), Map.entry("backend", "MINIMIND_BACKEND"),
            Map.entry("minimind-home", "MINIMIND_HOME"), Map.entry("checkout", "MINIMIND_CHECKOUT"),
            Map.entry("python", "MINIMIND_PYTHON"), Map.entry("max-running-jobs", "MINIMIND_MAX_RUNNING_JOBS"),
            Map.entry("stop-grace-seconds", "MINIMIND_STOP_GRACE_SECONDS"),
            Map.entry("engine-command", "MINIMIND_ENGINE_COMMAND"),
            Map.entry("allow-anonymous", "ALLOW_ANONYMOUS"));

    private final Map<String, String> flags;
    private final Map<String, String> env;

    private ServerConfigParser(Map<String, String> flags, Map<String, String> env) {
        this.flags = flags;
        this.env = env;
    }

    /** Parses {@code args} (an optional leading {@code serve} is skipped) against {@code env}. */
    public static ServerConfig parse(List<String> args, Map<String, String> env) {
        return new ServerConfigParser(parseFlags(args), env).build();
    }

    private static Map<String, String> parseFlags(List<String> args) {
        List<String> rest = !args.isEmpty() && args.get(0).equals("serve") ? args.subList(1, args.size()) : args;
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < rest.size(); i++) {
            String arg = rest.get(i);
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (name.equals("allow-anonymous")) {
                value = "true";
            } else if (i + 1 < rest.size()) {
                value = rest.get(++i);
            } else {
                throw new IllegalArgumentException("flag --" + name + " needs a value");
            }
            if (!ENV.containsKey(name)) {
                throw new IllegalArgumentException("unknown flag --" + name + "; known: --"
                        + String.join(", --", ENV.keySet().stream().sorted().toList()));
            }
            flags.put(name, value);
        }
        return flags;
    }

    private ServerConfig build() {
        Path home = Path.of(get("minimind-home", "."));
        Backend backend = Backend.parse(get("backend", "builtin"));
        Path checkout = Path.of(get("checkout", home.resolve("minimind").toString()));
        Path dataDir = Path.of(get("data-dir", "trainer_web"));
        // Defaults follow the backend: a Python checkout brings its own dataset/ and model/ folders; the builtin
        // engine falls back to the project's own starter data and tokenizer, so a fresh machine can train at once.
        Path starter = home.resolve("examples").resolve("starter");
        String datasets = (backend == Backend.PYTHON ? checkout.resolve("dataset") : starter).toString();
        String tokenizer = (backend == Backend.PYTHON ? checkout.resolve("model") : starter.resolve("tokenizer"))
                .toString();
        String engine = get("engine-command", home.toAbsolutePath().normalize().resolve("bin/minimind") + " train");
        return new ServerConfig(get("host", "127.0.0.1"), intValue("port", get("port", "12581")), dataDir,
                Path.of(get("datasets", datasets)), Path.of(get("tokenizer", tokenizer)), backend, home, checkout,
                get("python", "python3"), seconds(get("stop-grace-seconds", "10")),
                Arrays.asList(engine.trim().split("\\s+")), bool("allow-anonymous", get("allow-anonymous", "false")),
                intValue("max-running-jobs", get("max-running-jobs", "0")),
                Optional.ofNullable(env.get("SERVER_SECRET")));
    }

    private String get(String flag, String fallback) {
        String value = flags.get(flag);
        if (value == null) {
            value = env.get(ENV.get(flag));
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    private static int intValue(String flag, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + flag + " must be an integer, got '" + text + "'");
        }
    }

    private static Duration seconds(String text) {
        try {
            return Duration.ofMillis(Math.round(Double.parseDouble(text.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--stop-grace-seconds must be a number, got '" + text + "'");
        }
    }

    private static boolean bool(String flag, String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("--" + flag + " must be true or false, got '" + text + "'");
        };
    }
}
