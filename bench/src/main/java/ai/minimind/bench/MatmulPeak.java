package ai.minimind.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The float32 matmul rate libtorch reaches here: a square {@code n x n} product costs {@code 2 n^3} FLOPs. The best
 * of several repeats is the practical peak a training step can hope for.
 */
final class MatmulPeak {
    private MatmulPeak() {
    }

    /** Best GFLOP/s over {@code repeats} products of two random n x n matrices (after one warm-up). */
    static double gflops(NDManager manager, int n, int repeats) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray a = scope.randomUniform(-1, 1, new Shape(n, n));
            NDArray b = scope.randomUniform(-1, 1, new Shape(n, n));
            a.matMul(b).getFloat(0, 0);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                try (NDArray c = a.matMul(b)) {
                    c.getFloat(0, 0);   // forces completion
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            return 2.0 * n * n * n / best / 1e9;
        }
    }
}
