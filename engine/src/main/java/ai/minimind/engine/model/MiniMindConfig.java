package ai.minimind.engine.model;

/**
 * MiniMind's model configuration (spec section 1.1): every field of {@code MiniMindConfig}, in its order, with its
 * defaults ({@link #defaults()}). {@code intermediateSize} is derived as {@code 64 * ceil(int(H*8/3) / 64)} when not
 * given (0); {@code ropeScaling} is derived from {@code inferenceRopeScaling} (null = none).
 *
 * <p>Values this engine cannot honour are refused here rather than silently ignored: {@code hidden_act} other than
 * {@code silu}, {@code scoring_func} other than {@code softmax} in a MoE model (MiniMind itself raises for it),
 * dropout above 0.
 * {@code flash_attn} is accepted either way: MiniMind's fused and explicit paths compute the same causal attention,
 * and this engine always takes the explicit one.
 */
public record MiniMindConfig(
        float dropout,
        int bosTokenId,
        int eosTokenId,
        String hiddenAct,
        int hiddenSize,
        int intermediateSize,
        int maxPositionEmbeddings,
        int numAttentionHeads,
        int numHiddenLayers,
        int numKeyValueHeads,
        int vocabSize,
        float rmsNormEps,
        double ropeTheta,
        boolean inferenceRopeScaling,
        RopeScaling ropeScaling,
        boolean flashAttn,
        boolean useMoe,
        int numExpertsPerTok,
        int nRoutedExperts,
        int nSharedExperts,
        String scoringFunc,
        float auxLossAlpha,
        boolean seqAux,
        boolean normTopkProb) {

    /** Validates every size and fills in the derived fields, as MiniMind's config and FeedForward do. */
    public MiniMindConfig {
        if (!"silu".equals(hiddenAct)) {
            throw new IllegalArgumentException("hidden_act " + quoted(hiddenAct)
                    + " is not supported: this engine's feed-forward is SwiGLU with silu only");
        }
        if (useMoe && !"softmax".equals(scoringFunc)) {  // unused by a dense model, as in MiniMind
            throw new IllegalArgumentException("scoring_func " + quoted(scoringFunc)
                    + " is not supported: MiniMind's MoE gate only has softmax");
        }
        if (inferenceRopeScaling) {
            ropeScaling = ropeScaling == null ? RopeScaling.MINIMIND : ropeScaling;
        } else if (ropeScaling != null) {
            throw new IllegalArgumentException("rope_scaling is derived from inference_rope_scaling, which is off");
        }
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

    /**
     * The earlier field list (no hidden_act, rope scaling, flash_attn or scoring_func), kept so existing callers
     * compile; those four take MiniMind's defaults.
     */
    public MiniMindConfig(float dropout, int bosTokenId, int eosTokenId, int hiddenSize, int intermediateSize,
                          int maxPositionEmbeddings, int numAttentionHeads, int numHiddenLayers,
                          int numKeyValueHeads, int vocabSize, float rmsNormEps, double ropeTheta, boolean useMoe,
                          int numExpertsPerTok, int nRoutedExperts, int nSharedExperts, float auxLossAlpha,
                          boolean seqAux, boolean normTopkProb) {
        this(dropout, bosTokenId, eosTokenId, "silu", hiddenSize, intermediateSize, maxPositionEmbeddings,
                numAttentionHeads, numHiddenLayers, numKeyValueHeads, vocabSize, rmsNormEps, ropeTheta, false, null,
                true, useMoe, numExpertsPerTok, nRoutedExperts, nSharedExperts, "softmax", auxLossAlpha, seqAux,
                normTopkProb);
    }

    /** {@code MiniMindConfig()} with no arguments: every default of spec 1.1 (512 x 8, dense). */
    public static MiniMindConfig defaults() {
        return of(512, 8, false);
    }

    /** The trainers' constructor: only hidden size, layer count and MoE come from the command line. */
    public static MiniMindConfig of(int hiddenSize, int numHiddenLayers, boolean useMoe) {
        return new MiniMindConfig(0f, 1, 2, "silu", hiddenSize, 0, 32768, 8, numHiddenLayers, 2, 6400, 1e-5f, 1e6,
                false, null, true, useMoe, 2, 4, 1, "softmax", 0.1f, true, true);
    }

    /** A copy with another vocabulary size (tiny test models, fixture tokenizers). */
    public MiniMindConfig withVocabSize(int newVocabSize) {
        return new MiniMindConfig(dropout, bosTokenId, eosTokenId, hiddenAct, hiddenSize, intermediateSize,
                maxPositionEmbeddings, numAttentionHeads, numHiddenLayers, numKeyValueHeads, newVocabSize,
                rmsNormEps, ropeTheta, inferenceRopeScaling, ropeScaling, flashAttn, useMoe, numExpertsPerTok,
                nRoutedExperts, nSharedExperts, scoringFunc, auxLossAlpha, seqAux, normTopkProb);
    }

    /** A copy with other head counts (tiny test models). */
    public MiniMindConfig withHeads(int newNumAttentionHeads, int newNumKeyValueHeads) {
        return new MiniMindConfig(dropout, bosTokenId, eosTokenId, hiddenAct, hiddenSize, intermediateSize,
                maxPositionEmbeddings, newNumAttentionHeads, numHiddenLayers, newNumKeyValueHeads, vocabSize,
                rmsNormEps, ropeTheta, inferenceRopeScaling, ropeScaling, flashAttn, useMoe, numExpertsPerTok,
                nRoutedExperts, nSharedExperts, scoringFunc, auxLossAlpha, seqAux, normTopkProb);
    }

    /**
     * A copy with {@code inference_rope_scaling} switched (eval's {@code --inference_rope_scaling}); on, it derives
     * MiniMind's {@link RopeScaling#MINIMIND}.
     */
    public MiniMindConfig withInferenceRopeScaling(boolean on) {
        return new MiniMindConfig(dropout, bosTokenId, eosTokenId, hiddenAct, hiddenSize, intermediateSize,
                maxPositionEmbeddings, numAttentionHeads, numHiddenLayers, numKeyValueHeads, vocabSize,
                rmsNormEps, ropeTheta, on, null, flashAttn, useMoe, numExpertsPerTok, nRoutedExperts,
                nSharedExperts, scoringFunc, auxLossAlpha, seqAux, normTopkProb);
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

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static void requirePositive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0: " + value);
        }
    }
}
