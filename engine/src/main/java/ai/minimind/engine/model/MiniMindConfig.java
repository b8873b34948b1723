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

    /** Validates every size and fills in the derived intermediate size, as MiniMind's FeedForward does. */
    public MiniMindConfig {
        requirePositive("hidden_size", hiddenSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("num_key_value_heads", numKeyValueHeads);
        requirePositive("vocab_size", vocabSize);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size % num_attention_heads != 0: hidden_size=" + hiddenSize
                    + ", num_attention_heads=" + numAttentionHeads);
        }
        if (numAttentionHeads % numKeyValueHeads != 0) {
            throw new IllegalArgumentException("num_attention_heads % num_key_value_heads != 0: num_attention_heads="
                    + numAttentionHeads + ", num_key_value_heads=" + numKeyValueHeads);
        }
        if ((hiddenSize / numAttentionHeads) % 2 != 0) {
            throw new IllegalArgumentException("head_dim must be even for rotate-half RoPE: head_dim="
                    + hiddenSize / numAttentionHeads);
        }
        if (dropout != 0f) {
            throw new IllegalArgumentException("dropout > 0 is not supported by this engine: dropout=" + dropout);
        }
        if (intermediateSize < 0) {
            throw new IllegalArgumentException("intermediate_size must be >= 0 (0 = derive): " + intermediateSize);
        }
        if (intermediateSize == 0) {
            intermediateSize = defaultIntermediateSize(hiddenSize);
        }
        if (useMoe) {
            requirePositive("n_routed_experts", nRoutedExperts);
            if (numExpertsPerTok < 1 || numExpertsPerTok > nRoutedExperts) {
                throw new IllegalArgumentException("num_experts_per_tok must be in 1..n_routed_experts: "
                        + "num_experts_per_tok=" + numExpertsPerTok + ", n_routed_experts=" + nRoutedExperts);
            }
            if (nSharedExperts < 0) {
                throw new IllegalArgumentException("n_shared_experts must be >= 0: " + nSharedExperts);
            }
        }
    }

    /** The trainers' constructor: only hidden size, layer count and MoE come from the command line. */
    public static MiniMindConfig of(int hiddenSize, int numHiddenLayers, boolean useMoe) {
        return new MiniMindConfig(0f, 1, 2, hiddenSize, 0, 32768, 8, numHiddenLayers, 2, 6400, 1e-5f, 1e6,
                useMoe, 2, 4, 1, 0.1f, true, true);
    }

    /** A copy with another vocabulary size (tiny test models, fixture tokenizers). */
    public MiniMindConfig withVocabSize(int newVocabSize) {
        return new MiniMindConfig(dropout, bosTokenId, eosTokenId, hiddenSize, intermediateSize,
                maxPositionEmbeddings, numAttentionHeads, numHiddenLayers, numKeyValueHeads, newVocabSize,
                rmsNormEps, ropeTheta, useMoe, numExpertsPerTok, nRoutedExperts, nSharedExperts, auxLossAlpha,
                seqAux, normTopkProb);
    }

    /** A copy with other head counts (tiny test models). */
    public MiniMindConfig withHeads(int newNumAttentionHeads, int newNumKeyValueHeads) {
        return new MiniMindConfig(dropout, bosTokenId, eosTokenId, hiddenSize, intermediateSize,
                maxPositionEmbeddings, newNumAttentionHeads, numHiddenLayers, newNumKeyValueHeads, vocabSize,
                rmsNormEps, ropeTheta, useMoe, numExpertsPerTok, nRoutedExperts, nSharedExperts, auxLossAlpha,
                seqAux, normTopkProb);
    }

    /** {@code 64 * ceil(int(H*8/3) / 64)}: MiniMind's FeedForward rule (1408 at H=512, 2048 at H=768). */
    public static int defaultIntermediateSize(int hiddenSize) {
        int raw = hiddenSize * 8 / 3;
        return 64 * ((raw + 63) / 64);
    }

    public int headDim() {
        return hiddenSize / numAttentionHeads;
    }

    /** Width of the k and v projections: {@code nkv * hd}. */
    public int kvDim() {
        return numKeyValueHeads * headDim();
    }

    /** How many query heads share one kv head. */
    public int nRep() {
        return numAttentionHeads / numKeyValueHeads;
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }
}
