package ai.minimind.engine.train;

/** AdamW hyper-parameters; {@link #pytorchDefaults()} are PyTorch's (MiniMind never overrides them, spec 4.4). */
public record AdamWConfig(double beta1, double beta2, double eps, double weightDecay) {

    public AdamWConfig {
        if (beta1 < 0 || beta1 >= 1 || beta2 < 0 || beta2 >= 1) {
            throw new IllegalArgumentException("betas must lie in [0, 1): beta1=" + beta1 + " beta2=" + beta2);
        }
        if (eps <= 0 || weightDecay < 0) {
            throw new IllegalArgumentException("eps must be > 0 and weight_decay >= 0: eps=" + eps
                    + " weight_decay=" + weightDecay);
        }
    }

    /** betas (0.9, 0.999), eps 1e-8, decoupled weight decay 0.01. */
    public static AdamWConfig pytorchDefaults() {
        return new AdamWConfig(0.9, 0.999, 1e-8, 0.01);
    }
}
