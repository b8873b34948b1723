package ai.minimind.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.minimind.engine.tensor.Consts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MiniMind's causal language model (spec section 1) over raw NDArrays: tied embedding / lm_head, pre-norm
 * blocks of GQA attention with half-split RoPE and SwiGLU (or MoE) feed-forward, final RMSNorm. Parameters live
 * in a sub-manager of the given manager (closed by {@link #close()}); every parameter has requiresGradient set.
 * A forward creates all intermediates in the input's manager, so a caller frees a step by closing that manager.
 */
public final class MiniMindForCausalLM implements AutoCloseable {
    private final MiniMindConfig config;
    private final NDManager manager;
    private final LinkedHashMap<String, NDArray> params;
    private final NDArray embed_tokens;
    private final NDArray norm;
    private final List<DecoderLayer> layers = new ArrayList<>();
    /** Every Linear by its weight key, in state-dict order (LoRA attaches here). */
    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final NDArray eps;
    private final Consts consts;
    /** RoPE frequencies (hd/2), rescaled when the config asks for inference rope scaling. */
    private final float[] ropeFrequencies;
    private boolean training = true;

    /** Builds the model with MiniMind's initialisation (section 1.12), deterministic for a given seed. */
    public MiniMindForCausalLM(MiniMindConfig config, NDManager manager, long seed) {
        this.config = config;
        this.manager = manager.newSubManager();
        this.params = Initialization.create(config, this.manager, seed);
        Consts consts = new Consts(this.manager);
        this.embed_tokens = params.get(ParameterLayout.EMBED);
        this.norm = params.get(ParameterLayout.FINAL_NORM);
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(new DecoderLayer(config, i, params, consts));
        }
        layers.forEach(l -> l.projections().forEach(p -> projections.put(p.module() + ".weight", p)));
        this.eps = consts.of(config.rmsNormEps());
        this.consts = consts;
        this.ropeFrequencies = Rope.frequencies(config);
    }

    public MiniMindConfig config() {
        return config;
    }

    /**
     * The state dict in MiniMind's key order (section 1.3). {@code model.embed_tokens.weight} and
     * {@code lm_head.weight} map to the same array.
     */
    public LinkedHashMap<String, NDArray> stateDict() {
        LinkedHashMap<String, NDArray> out = new LinkedHashMap<>();
        params.forEach((key, array) -> {
            out.put(key, array);
            Projection p = projections.get(key);
            if (p != null) {
                Lora.putAdapter(out, p);  // torch order: a Linear's own weight, then its lora child
            }
        });
        out.put(ParameterLayout.LM_HEAD, embed_tokens);
        return out;
    }

    /**
     * The unique trainable arrays (the tied embedding once), in state-dict order; after {@link #applyLora} the
     * adapters are included in their state-dict places.
     */
    public List<NDArray> parameters() {
        LinkedHashMap<String, NDArray> all = stateDict();
        all.remove(ParameterLayout.LM_HEAD);
        return new ArrayList<>(all.values());
    }

    /**
     * MiniMind's {@code apply_lora(model, rank)} (spec 7): adapters on every square Linear (q_proj and o_proj at
     * the CLI sizes), A ~ N(0, 0.02^2) from {@code seed}, B = 0. Once per model.
     */
    public void applyLora(int rank, long seed) {
        if (!loraStateDict().isEmpty()) {
            throw new IllegalStateException("LoRA is already applied to this model");
        }
        Lora.apply(projections.values(), rank, manager, seed);
    }

    /** Adapter tensors only ({@code <module>.lora.A.weight}, {@code .lora.B.weight}), the adapter file's content. */
    public LinkedHashMap<String, NDArray> loraStateDict() {
        return Lora.stateDict(projections.values());
    }

    /** Copies an adapter file's tensors into the adapters; strict within the adapter keys. */
    public void loadLora(LinkedHashMap<String, NDArray> tensors) {
        StateDictLoader.load("LoRA adapters do not match the model", loraStateDict(), tensors);
    }

    /**
     * Freezes (or unfreezes) every non-adapter parameter, as the LoRA trainer does: frozen arrays get no
     * gradient, so backward skips their weight gradients.
     */
    public void setBaseTrainable(boolean trainable) {
        params.values().forEach(p -> p.setRequiresGradient(trainable));
    }

    /** Unique parameter count, the embedding counted once (25,829,888 at 512x8). */
    public long parameterCount() {
        return ParameterLayout.parameterCount(config);
    }

    /**
     * Copies {@code tensors} into the parameters. Strict: any missing key, unexpected key or shape mismatch
     * throws IllegalArgumentException naming every offending key.
     */
    public void load(LinkedHashMap<String, NDArray> tensors) {
        StateDictLoader.load("state dict does not match the model (hidden_size=" + config.hiddenSize()
                + ", num_hidden_layers=" + config.numHiddenLayers() + ", use_moe=" + config.useMoe()
                + ", lora=" + !loraStateDict().isEmpty() + ")", stateDict(), tensors);
    }

    /** Training/eval flag (dropout, MoE aux loss are train-only). Starts in training mode, like torch. */
    public void setTraining(boolean training) {
        this.training = training;
    }

    public boolean isTraining() {
        return training;
    }

    /**
     * Forward pass. {@code inputIds} (B, T) int64; {@code cache} null for training, else updated in place
     * with the new keys/values. Returns logits (B, T, V) float32 and the MoE aux loss (scalar; 0 for dense).
     */
    public Output forward(NDArray inputIds, KvCache cache) {
        return forward(inputIds, cache, 0);
    }

    /**
     * As {@link #forward(NDArray, KvCache)}, computing logits only for the last {@code logitsToKeep} positions
     * (0 = all), like MiniMind's {@code logits_to_keep}.
     */
    public Output forward(NDArray inputIds, KvCache cache, int logitsToKeep) {
        return forward(inputIds, null, cache, logitsToKeep);
    }

    /**
     * As {@link #forward(NDArray, KvCache, int)} with MiniMind's optional {@code attention_mask} (B, past + T),
     * 1 = real token, 0 = pad: pad keys get {@code (1 - mask) * -1e9} added to their scores on top of the causal
     * mask (spec 1.7, explicit path). Positions stay absolute tensor indices, not shifted for left padding,
     * exactly as MiniMind does. {@code attentionMask} null = no padding.
     */
    public Output forward(NDArray inputIds, NDArray attentionMask, KvCache cache, int logitsToKeep) {
        NDManager step = inputIds.getManager();
        NDArray ids = ForwardInputs.ids(inputIds, config.vocabSize());           // (B, T) int64
        int t = Math.toIntExact(ids.getShape().get(1));
        int start = cache == null ? 0 : cache.length();
        if (start + t > config.maxPositionEmbeddings()) {
            throw new IllegalArgumentException("sequence longer than max_position_embeddings="
                    + config.maxPositionEmbeddings() + ": cached=" + start + ", new=" + t);
        }
        NDArray h = embed_tokens.get(step, new NDIndex("{}", ids));             // (B, T, H)
        Rope.Slice rope = Rope.slice(step, ropeFrequencies, start, t);       // (T, hd) x2
        NDArray mask = ForwardInputs.scoreMask(attentionMask, ids, start, consts); // (B|1, 1, T, S), null
        NDArray aux = step.zeros(new Shape(), DataType.FLOAT32);                 // ()
        for (DecoderLayer layer : layers) {
            DecoderLayer.Result r = layer.forward(h, rope, mask, cache, training);
            h = r.hidden();                                                      // (B, T, H)
            if (r.auxLoss() != null) {
                aux = aux.add(r.auxLoss());                                      // ()
            }
        }
        h = RmsNorm.apply(h, norm, eps);                                         // (B, T, H)
        if (logitsToKeep > 0 && logitsToKeep < t) {
            h = h.get(":, {}:, :", t - logitsToKeep);                           // (B, T', H)
        }
        NDArray logits = Linear.apply(h, embed_tokens);                          // (B, T', V)
        return new Output(logits, aux);
    }

    @Override
    public void close() {
        manager.close();
    }

    /** Logits (B, T, V) and the summed MoE auxiliary loss (scalar). */
    public record Output(NDArray logits, NDArray auxLoss) {
    }
}
