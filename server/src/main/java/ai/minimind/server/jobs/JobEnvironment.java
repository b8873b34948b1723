package ai.minimind.server.jobs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment a job gets: only allow-listed variables of the server's own environment (never
 * {@code SERVER_SECRET}, keys or anything else) plus {@code PYTHONUNBUFFERED=1} so Python trainers' log lines
 * reach the log file as they are printed.
 */
public final class JobEnvironment {
    /** Variables a trainer legitimately needs; everything else stays with the server. */
    public static final List<String> ALLOWED = List.of("PATH", "HOME", "LANG", "LC_ALL", "JAVA_HOME", "TMPDIR",
            "DJL_CACHE_DIR", "CUDA_VISIBLE_DEVICES", "MINIMIND_JAVA_OPTS");

    private JobEnvironment() {
    }

    public static Map<String, String> from(Map<String, String> serverEnv) {
        Map<String, String> env = new TreeMap<>();
        for (String name : ALLOWED) {
            String value = serverEnv.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("PYTHONUNBUFFERED", "1");
        return env;
    }
}
