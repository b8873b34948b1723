package ai.minimind.engine.model;

/** Per-layer (rotated k, v) cache for generation, shape (B, T_total, nkv, hd) each. STUB: contract only. */
public final class KvCache implements AutoCloseable {
    @Override
    public void close() {
    }
}
