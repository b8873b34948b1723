package ai.minimind.engine.train;

import java.nio.file.Path;

/**
 * The files a supervised trainer writes (spec 4.8 and 9.1, as safetensors): the fp16 weights
 * {@code {save_dir}/{weight}_{H}[_moe].safetensors}, its fp16 copy {@code {checkpoints}/{stem}.safetensors} and the
 * resume pair {@code {checkpoints}/{stem}_resume.safetensors} (fp32 model, AdamW moments, pending gradients) plus
 * {@code {checkpoints}/{stem}_resume.json} (epoch, step, world size, ...).
 */
public record CheckpointPaths(Path weights, Path checkpointWeights, Path resumeTensors, Path resumeJson) {

    /** {@code {weight}_{H}} plus {@code _moe} for a mixture-of-experts model. */
    public static String stem(String weight, int hiddenSize, boolean useMoe) {
        return weight + "_" + hiddenSize + (useMoe ? "_moe" : "");
    }

    public static CheckpointPaths of(Path saveDir, Path checkpointsDir, String weight, int hiddenSize,
                                     boolean useMoe) {
        String stem = stem(weight, hiddenSize, useMoe);
        return new CheckpointPaths(saveDir.resolve(stem + ".safetensors"),
                checkpointsDir.resolve(stem + ".safetensors"),
                checkpointsDir.resolve(stem + "_resume.safetensors"),
                checkpointsDir.resolve(stem + "_resume.json"));
    }

    /** Where {@code --from_weight name} is read from: always {@code {out}/{name}_{H}[_moe].safetensors}. */
    public static Path fromWeight(Path outDir, String name, int hiddenSize, boolean useMoe) {
        return outDir.resolve(stem(name, hiddenSize, useMoe) + ".safetensors");
    }
}
