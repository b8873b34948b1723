package ai.minimind.engine.model;

/**
 * MiniMind's model configuration (spec section 1.1); defaults are MiniMind's. {@code intermediateSize} is
 * derived as {@code 64 * ceil(int(H*8/3) / 64)} when not given (0).
 */
public record MiniMindConfig(
        float dropout,
        int bosTokenId,
        int eosTokenId,
        int hiddenSize,
        int intermediateSize,
        int maxPositionEmbeddings,
        int numAttentionHeads,
        int numHiddenLayers,
        int numKeyValueHeads,
        int vocabSize,
        float rmsNormEps,
        double ropeTheta,
        boolean useMoe,
        int numExpertsPerTok,
        int nRoutedExperts,
        int nSharedExperts,
        float auxLossAlpha,
        boolean seqAux,
        boolean normTopkProb) {

    /** The trainers' constructor: only hidden size, layer count and MoE come from the command line. */
    public static MiniMindConfig of(int hiddenSize, int numHiddenLayers, boolean useMoe) {
        return new MiniMindConfig(0f, 1, 2, hiddenSize, 0, 32768, 8, numHiddenLayers, 2, 6400, 1e-5f, 1e6,
                useMoe, 2, 4, 1, 0.1f, true, true);
    }

    /** STUB (model helper fills in validation and the derived sizes). */
    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }
}
