package ai.minimind.engine.model;

/** Small configs for fast tests: hidden 64, 2 layers, 4 q heads over 2 kv heads (n_rep 2), vocab 97. */
public final class TinyConfigs {
    private TinyConfigs() {
    }

    public static MiniMindConfig dense() {
        return new MiniMindConfig(0f, 1, 2, 64, 0, 256, 4, 2, 2, 97, 1e-5f, 1e6,
                false, 2, 4, 1, 0.1f, true, true);
    }

    public static MiniMindConfig moe() {
        return new MiniMindConfig(0f, 1, 2, 64, 0, 256, 4, 2, 2, 97, 1e-5f, 1e6,
                true, 2, 4, 1, 0.1f, true, true);
    }
}
