package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer (rotated k, v) cache for generation, shape (B, T_total, nkv, hd) each, stored before the kv heads
 * are repeated (spec 1.7 step 3). The cache owns its arrays in its own manager, so a caller may close each
 * step's manager while the cache lives on; superseded arrays are closed as soon as they are replaced.
 */
public final class KvCache implements AutoCloseable {
    private final NDManager manager;
    private final List<NDArray> keys = new ArrayList<>();
    private final List<NDArray> values = new ArrayList<>();

    /** A cache with its own base manager. */
    public KvCache() {
        this(NDManager.newBaseManager());
    }

    /** A cache whose arrays live in a sub-manager of {@code parent}. */
    public KvCache(NDManager parent) {
        this.manager = parent.newSubManager();
    }

    /** Number of cached positions (0 when empty): the start position of the next forward call. */
    public int length() {
        return keys.isEmpty() ? 0 : Math.toIntExact(keys.get(0).getShape().get(1));
    }

    /** Cached rotated keys of one layer, (B, T_total, nkv, hd), or null before the first forward. */
    public NDArray keys(int layer) {
        return layer < keys.size() ? keys.get(layer) : null;
    }

    /** Cached values of one layer, (B, T_total, nkv, hd), or null before the first forward. */
    public NDArray values(int layer) {
        return layer < values.size() ? values.get(layer) : null;
    }

    /** Appends new k, v (B, T, nkv, hd) after the past ones along time; returns the full (k, v). */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        if (layer > keys.size()) {
            throw new IllegalStateException("layers must be appended in order: layer=" + layer
                    + ", cached layers=" + keys.size());
        }
        if (layer == keys.size()) {
            keys.add(own(k));
            values.add(own(v));
        } else {
            keys.set(layer, replace(keys.get(layer), k));
            values.set(layer, replace(values.get(layer), v));
        }
        return new NDArray[] {keys.get(layer), values.get(layer)};
    }

    private NDArray replace(NDArray past, NDArray fresh) {
        NDArray full = past.concat(fresh, 1);  // (B, T_past + T, nkv, hd), made in past's (the cache's) manager
        full.attach(manager);
        past.close();
        return full;
    }

    private NDArray own(NDArray fresh) {
        NDArray copy = fresh.duplicate();      // (B, T, nkv, hd); a copy, so the step may close its own arrays
        copy.attach(manager);
        return copy;
    }

    @Override
    public void close() {
        keys.clear();
        values.clear();
        manager.close();
    }
}
