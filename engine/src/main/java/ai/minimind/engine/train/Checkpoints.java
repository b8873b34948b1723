package ai.minimind.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.minimind.engine.tensor.SafeTensors;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes a trainer's files ({@link CheckpointPaths}); every file is written to a temporary sibling and
 * renamed into place, so a crash leaves the old or the new file, never a torn one. The resume tensors hold
 * {@code model.<key>} (fp32, both tied keys), the AdamW moments, {@code grad.<param>} for gradients accumulated since
 * the last update, and {@code resume.meta} = [epoch, step, optimizer_step] which must agree with the JSON half.
 */
public final class Checkpoints {
    static final String MODEL = "model.";
    static final String GRAD = "grad.";
    static final String META = "resume.meta";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoints() {
    }

    /** The loaded resume pair; arrays live in the manager passed to {@link #loadResume}. */
    public record Loaded(ResumeState state, LinkedHashMap<String, NDArray> model, Map<String, NDArray> optimizer,
                         LinkedHashMap<String, NDArray> pendingGradients) {
    }

    /** Writes the fp16 weights to {@code save_dir} and the fp16 copy to the checkpoints folder. */
    public static void saveWeights(LinkedHashMap<String, NDArray> stateDict, CheckpointPaths paths)
            throws IOException {
        createParent(paths.weights());
        SafeTensors.write(paths.weights(), stateDict, DataType.FLOAT16);
        createParent(paths.checkpointWeights());
        SafeTensors.write(paths.checkpointWeights(), stateDict, DataType.FLOAT16);
    }

    /**
     * Writes the resume pair: tensors first, then the JSON, so the JSON names a state whose tensors are on disk.
     *
     * @param pendingGradients gradients accumulated since the last update, by parameter name (may be empty)
     */
    public static void saveResume(LinkedHashMap<String, NDArray> stateDict, AdamW optimizer,
                                  LinkedHashMap<String, NDArray> pendingGradients, ResumeState state,
                                  CheckpointPaths paths) throws IOException {
        LinkedHashMap<String, NDArray> tensors = new LinkedHashMap<>();
        stateDict.forEach((key, array) -> tensors.put(MODEL + key, array));
        tensors.putAll(optimizer.state());
        pendingGradients.forEach((name, grad) -> tensors.put(GRAD + name, grad));
        NDManager manager = stateDict.values().iterator().next().getManager();
        try (NDArray meta = manager.create(new float[] {state.epoch(), state.step(), state.optimizerStep()})) {
            tensors.put(META, meta);
            createParent(paths.resumeTensors());
            SafeTensors.write(paths.resumeTensors(), tensors, DataType.FLOAT32);
        }
        writeAtomically(paths.resumeJson(), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
    }

    /** The saved resume pair, or empty when there is none (MiniMind then trains from scratch). */
    public static Optional<Loaded> loadResume(CheckpointPaths paths, NDManager manager) throws IOException {
        if (!Files.exists(paths.resumeJson()) && !Files.exists(paths.resumeTensors())) {
            return Optional.empty();
        }
        for (Path p : List.of(paths.resumeJson(), paths.resumeTensors())) {
            if (!Files.exists(p)) {
                throw new IOException("incomplete resume checkpoint: " + p + " is missing");
            }
        }
        ResumeState state = JSON.readValue(paths.resumeJson().toFile(), ResumeState.class);
        LinkedHashMap<String, NDArray> tensors = SafeTensors.read(paths.resumeTensors(), manager);
        checkMeta(tensors.get(META), state, paths);
        LinkedHashMap<String, NDArray> model = new LinkedHashMap<>();
        Map<String, NDArray> optimizer = new LinkedHashMap<>();
        LinkedHashMap<String, NDArray> grads = new LinkedHashMap<>();
        tensors.forEach((key, array) -> {
            if (key.startsWith(MODEL)) {
                model.put(key.substring(MODEL.length()), array);
            } else if (key.startsWith(GRAD)) {
                grads.put(key.substring(GRAD.length()), array);
            } else if (!key.equals(META)) {
                optimizer.put(key, array);
            }
        });
        return Optional.of(new Loaded(state, model, optimizer, grads));
    }

    private static void checkMeta(NDArray meta, ResumeState state, CheckpointPaths paths) throws IOException {
        float[] values = meta == null ? new float[0] : meta.toFloatArray();
        if (values.length != 3 || values[0] != state.epoch() || values[1] != state.step()
                || values[2] != state.optimizerStep()) {
            throw new IOException("resume checkpoint is inconsistent: " + paths.resumeJson() + " says epoch "
                    + state.epoch() + " step " + state.step() + " optimizer_step " + state.optimizerStep() + " but "
                    + paths.resumeTensors() + " holds " + Arrays.toString(values));
        }
    }

    /** Gradients of {@code params}, keyed by name, for the resume file. */
    public static LinkedHashMap<String, NDArray> gradientsOf(LinkedHashMap<String, NDArray> params) {
        LinkedHashMap<String, NDArray> grads = new LinkedHashMap<>();
        params.forEach((name, p) -> grads.put(name, p.getGradient()));
        return grads;
    }

    /** The pending gradients in {@code params} order; strict about missing names and shapes. */
    public static List<NDArray> alignGradients(LinkedHashMap<String, NDArray> params,
                                               Map<String, NDArray> saved) {
        List<NDArray> aligned = new ArrayList<>();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray g = saved.get(e.getKey());
            if (g == null || !g.getShape().equals(e.getValue().getShape())) {
                throw new IllegalArgumentException("resume gradient for " + e.getKey() + " is missing or has shape "
                        + (g == null ? "none" : g.getShape()) + ", expected " + e.getValue().getShape());
            }
            aligned.add(g);
        }
        return aligned;
    }

    static void writeAtomically(Path file, String content) throws IOException {
        createParent(file);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
