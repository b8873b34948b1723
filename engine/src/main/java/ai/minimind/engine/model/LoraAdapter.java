package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;

/** A LoRA pair: {@code a} (r, in) initialised N(0, 0.02^2), {@code b} (out, r) initialised to zeros (spec 7.2). */
record LoraAdapter(NDArray a, NDArray b) {
    static final String A_SUFFIX = ".lora.A.weight";
    static final String B_SUFFIX = ".lora.B.weight";
}
