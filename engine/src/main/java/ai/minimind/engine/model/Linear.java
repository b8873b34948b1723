package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;

/** Bias-free linear layer {@code y = x W^T} with PyTorch's weight layout (out_features, in_features). */
final class Linear {
    private Linear() {
    }

    static NDArray apply(NDArray x, NDArray weight) {
        // The transpose is a view made in the weight's (long-lived) manager: move it to the step's manager so
        // closing the step frees it.
        NDArray weightT = weight.transpose();  // (in, out)
        weightT.attach(x.getManager());
        return x.matMul(weightT);              // (..., out)
    }
}
