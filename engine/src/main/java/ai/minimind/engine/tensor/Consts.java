package ai.minimind.engine.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Long-lived float32 scalar NDArrays, one per value, owned by one manager. DJL's {@code mul(Number)} family frees
 * its temporary scalar tensor at once while autograd still holds it, so a GC before {@code backward()} corrupts
 * gradients (djl-pitfalls.md trap 1). Every scalar in a differentiable expression comes from here instead.
 *
 * <p>Use a cached scalar as the <em>second</em> operand ({@code x.mul(consts.of(2f))}): DJL puts a result into
 * the first operand's manager, and the cache's manager lives as long as the model.
 */
public final class Consts {
    private final NDManager manager;
    private final Map<Float, NDArray> cache = new ConcurrentHashMap<>();

    public Consts(NDManager manager) {
        this.manager = manager;
    }

    /** The 0-d float32 array holding {@code value}; created once, closed with the manager. */
    public NDArray of(float value) {
        return cache.computeIfAbsent(value, manager::create);
    }

    public NDManager manager() {
        return manager;
    }
}
