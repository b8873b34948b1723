package ai.minimind.engine.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.data.TokenDataset;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.tensor.SafeTensors;
import ai.minimind.engine.tokenizer.MiniMindTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pretrain and full SFT ({@code trainer/train_pretrain.py}, {@code trainer/train_full_sft.py}): loss =
 * masked-mean token cross-entropy + MoE aux loss (spec 5.2), driven by {@link TrainLoop} with AdamW over every
 * parameter. Follows spec 10: data, model (+ {@code --from_weight} from {@code ../out}), optimizer, resume from
 * {@code ../checkpoints}, loop. Relative paths resolve against {@code workDir} (MiniMind's {@code trainer/}).
 */
public final class SupervisedTrainer {
    private static final long SEED = 42;

    private final TrainConfig config;
    private final SupervisedTask task;
    private final Path workDir;
    private final TrainLog log;
    private StepListener listener = StepListener.NONE;

    public SupervisedTrainer(TrainConfig config, SupervisedTask task, Path workDir, TrainLog log) {
        this.config = config;
        this.task = task;
        this.workDir = workDir;
        this.log = log;
    }

    /** Observes each step; may stop the run early. */
    public SupervisedTrainer optListener(StepListener stepListener) {
        this.listener = stepListener;
        return this;
    }

    /** The files this run writes. */
    public CheckpointPaths paths() {
        return CheckpointPaths.of(workDir.resolve(config.saveDir()), workDir.resolve("../checkpoints").normalize(),
                config.saveWeight(), config.hiddenSize(), config.useMoe());
    }

    /** Runs the whole training; throws on bad data, missing weights or a non-finite loss. */
    public void run() throws IOException {
        Device device = Devices.resolve(config.device());
        announcePrecision(device);
        if (config.useWandb()) {
            log.line("--use_wandb: experiment tracking is not available in the builtin engine; metrics stay in this"
                    + " log");
        }
        try (MiniMindTokenizer tokenizer = MiniMindTokenizer.load(workDir.resolve(config.tokenizerPath()))) {
            TokenDataset dataset = task.load(workDir.resolve(config.dataPath()), tokenizer, config.maxSeqLen(),
                    log::line);
            Files.createDirectories(workDir.resolve(config.saveDir()));
            Engine.getInstance().setRandomSeed((int) SEED);
            try (NDManager manager = NDManager.newBaseManager(device);
                 MiniMindForCausalLM model = new MiniMindForCausalLM(
                         MiniMindConfig.of(config.hiddenSize(), config.numHiddenLayers(), config.useMoe()),
                         manager, SEED)) {
                train(model, dataset, manager);
            }
        }
    }

    private void train(MiniMindForCausalLM model, TokenDataset dataset, NDManager manager) throws IOException {
        loadFromWeight(model, manager);
        LinkedHashMap<String, NDArray> params = uniqueParameters(model);
        log.line(TrainLog.parameterLine(params.values().stream().mapToLong(NDArray::size).sum()));
        try (AdamW optimizer = new AdamW(params, AdamWConfig.pytorchDefaults());
             NDManager resumeManager = manager.newSubManager()) {
            ResumePoint start = resume(model, optimizer, params, resumeManager);
            model.setTraining(true);
            new TrainLoop<>(config.loopSettings(), new TokenBatchSource(dataset), batch -> loss(model, batch),
                    optimizer, (epoch, step, opt) -> save(model, opt, params, epoch, step), log)
                    .optListener(listener)
                    .run(start);
        }
    }

    /** The pretrain/SFT objective: one forward, masked-mean cross-entropy plus the MoE aux loss (spec 5.2). */
    public static NDArray loss(MiniMindForCausalLM model, Batch batch) {
        MiniMindForCausalLM.Output out = model.forward(batch.x(), null);
        return MaskedCrossEntropy.loss(out.logits(), batch.y(), batch.lossMask(), out.auxLoss());
    }

    private void loadFromWeight(MiniMindForCausalLM model, NDManager manager) throws IOException {
        if (config.fromWeight().equals("none")) {
            return;
        }
        Path file = CheckpointPaths.fromWeight(workDir.resolve("../out").normalize(), config.fromWeight(),
                config.hiddenSize(), config.useMoe());
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--from_weight " + config.fromWeight() + ": weight file not found: "
                    + file.toAbsolutePath());
        }
        try (NDManager loading = manager.newSubManager()) {
            model.load(SafeTensors.read(file, loading));
        } catch (IllegalArgumentException e) {
            // the model's message names the keys; say which flag and file they came from
            throw new IllegalArgumentException("--from_weight " + config.fromWeight() + ": " + file + ": "
                    + e.getMessage(), e);
        }
        log.line("loaded weights from " + file);
    }

    private ResumePoint resume(MiniMindForCausalLM model, AdamW optimizer, LinkedHashMap<String, NDArray> params,
                               NDManager resumeManager) throws IOException {
        if (!config.fromResume()) {
            return ResumePoint.START;
        }
        // The loaded copies (model, moments) are freed once copied in; only pending gradients outlive this call.
        try (NDManager loading = resumeManager.newSubManager()) {
            Optional<Checkpoints.Loaded> loaded = Checkpoints.loadResume(paths(), loading);
            if (loaded.isEmpty()) {
                log.line("no resume checkpoint at " + paths().resumeJson() + "; training from the start");
                return ResumePoint.START;
            }
            return restore(loaded.get(), model, optimizer, params, resumeManager);
        }
    }

    private ResumePoint restore(Checkpoints.Loaded loaded, MiniMindForCausalLM model, AdamW optimizer,
                                LinkedHashMap<String, NDArray> params, NDManager keep) {
        ResumeState state = loaded.state();
        if (state.hiddenSize() != config.hiddenSize() || state.numHiddenLayers() != config.numHiddenLayers()
                || state.useMoe() != config.useMoe()) {
            throw new IllegalArgumentException("resume checkpoint " + paths().resumeJson() + " is for hidden_size "
                    + state.hiddenSize() + ", num_hidden_layers " + state.numHiddenLayers() + ", use_moe "
                    + state.useMoe() + ", not this run's");
        }
        model.load(loaded.model());
        optimizer.load(loaded.optimizer(), state.optimizerStep());
        // MiniMind rescales the step when the world size changed; this engine always trains with world size 1.
        int step = state.step() * Math.max(1, state.worldSize());
        if (state.worldSize() != 1) {
            log.line("world size changed from " + state.worldSize() + " to 1: step " + state.step() + " -> " + step);
        }
        List<NDArray> pending = new ArrayList<>();
        if (!loaded.pendingGradients().isEmpty()) {
            for (NDArray g : Checkpoints.alignGradients(params, loaded.pendingGradients())) {
                NDArray copy = keep.zeros(g.getShape(), g.getDataType());
                g.copyTo(copy);
                pending.add(copy);
            }
        }
        log.line("resumed from " + paths().resumeJson() + ": epoch " + (state.epoch() + 1) + ", step " + step);
        return new ResumePoint(state.epoch(), step, pending);
    }

    private void save(MiniMindForCausalLM model, AdamW optimizer, LinkedHashMap<String, NDArray> params, int epoch,
                      int step) throws IOException {
        model.setTraining(false);
        try (NDScope ignored = new NDScope()) {
            LinkedHashMap<String, NDArray> stateDict = model.stateDict();
            // Checked before anything is written: weights that overflow float16 would replace the good files.
            Optional<String> problem = WeightCheck.problem(stateDict, DataType.FLOAT16);
            if (problem.isPresent()) {
                throw NonFiniteException.weights(epoch, step, problem.get());
            }
            Checkpoints.saveWeights(stateDict, paths());
            LinkedHashMap<String, NDArray> pending = config.accumulationSteps() > 1
                    ? Checkpoints.gradientsOf(params)
                    : new LinkedHashMap<>();
            Checkpoints.saveResume(stateDict, optimizer, pending, new ResumeState(epoch, step, 1,
                    optimizer.stepCount(), config.hiddenSize(), config.numHiddenLayers(), config.useMoe(), null),
                    paths());
        } finally {
            model.setTraining(true);
        }
    }

    private void announcePrecision(Device device) {
        boolean gpu = device.isGpu();
        log.line("device " + Devices.name(device) + ", --dtype " + config.dtype() + ": "
                + (gpu ? "autocast is not available in this engine, training runs in float32"
                       : "CPU training runs in float32"));
    }

    /** The model's trainable arrays by state-dict name, the tied embedding once (under its first key). */
    public static LinkedHashMap<String, NDArray> uniqueParameters(MiniMindForCausalLM model) {
        Map<NDArray, Boolean> seen = new IdentityHashMap<>();
        LinkedHashMap<String, NDArray> params = new LinkedHashMap<>();
        model.stateDict().forEach((name, array) -> {
            if (seen.put(array, Boolean.TRUE) == null) {
                params.put(name, array);
            }
        });
        return params;
    }
}
