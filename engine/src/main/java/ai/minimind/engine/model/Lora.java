package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Random;

/**
 * MiniMind's {@code apply_lora} (spec 7): every square Linear gets A (r, in) ~ N(0, 0.02^2) and B (out, r) = 0,
 * keyed {@code <module>.lora.A.weight} / {@code .lora.B.weight}; no scaling, no dropout. The tied lm_head is not
 * adapted (it is square only when vocab_size == hidden_size).
 */
final class Lora {
    private Lora() {
    }

    static void apply(Collection<Projection> projections, int rank, NDManager manager, long seed) {
        if (rank <= 0) {
            throw new IllegalArgumentException("LoRA rank must be > 0: " + rank);
        }
        Random random = new Random(seed);
        for (Projection p : projections) {
            if (!p.isSquare()) {
                continue;
            }
            long out = p.weight().getShape().get(0);
            long in = p.weight().getShape().get(1);
            float[] a = new float[Math.toIntExact(rank * in)];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) (random.nextGaussian() * 0.02);
            }
            NDArray aArray = manager.create(a, new Shape(rank, in));           // (r, in)
            NDArray bArray = manager.zeros(new Shape(out, rank));              // (out, r)
            aArray.setRequiresGradient(true);
            bArray.setRequiresGradient(true);
            p.attach(new LoraAdapter(aArray, bArray));
        }
    }

    /** Adapter tensors only, module order, A before B. */
    static LinkedHashMap<String, NDArray> stateDict(Collection<Projection> projections) {
        LinkedHashMap<String, NDArray> out = new LinkedHashMap<>();
        for (Projection p : projections) {
            putAdapter(out, p);
        }
        return out;
    }

    static void putAdapter(LinkedHashMap<String, NDArray> out, Projection p) {
        if (p.lora() != null) {
            out.put(p.module() + LoraAdapter.A_SUFFIX, p.lora().a());
            out.put(p.module() + LoraAdapter.B_SUFFIX, p.lora().b());
        }
    }
}
