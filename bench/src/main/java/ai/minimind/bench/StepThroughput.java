package ai.minimind.bench;

import ai.djl.ndarray.NDManager;
import ai.minimind.engine.data.Sample;
import ai.minimind.engine.data.TokenDataset;
import ai.minimind.engine.model.MiniMindConfig;
import ai.minimind.engine.model.MiniMindForCausalLM;
import ai.minimind.engine.train.AdamW;
import ai.minimind.engine.train.AdamWConfig;
import ai.minimind.engine.train.LoopSettings;
import ai.minimind.engine.train.ResumePoint;
import ai.minimind.engine.train.SupervisedTrainer;
import ai.minimind.engine.train.TokenBatchSource;
import ai.minimind.engine.train.TrainLog;
import ai.minimind.engine.train.TrainLoop;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Times full training steps (forward, masked CE loss, backward, global-norm clip, AdamW, zeroing) through the real
 * {@link TrainLoop} on random tokens. The first step is a warm-up and is not counted.
 */
final class StepThroughput {
    /** One measured configuration. */
    record Result(String name, MiniMindConfig config, long parameters, int batch, int seqLen, double medianSeconds) {
        double tokensPerSecond() {
            return batch * (double) seqLen / medianSeconds;
        }

        /** Dense-transformer training cost: 6 FLOPs per parameter per token (attention scores not counted). */
        double modelGflops() {
            return 6.0 * parameters * tokensPerSecond() / 1e9;
        }
    }

    private StepThroughput() {
    }

    static Result measure(String name, MiniMindConfig config, int batch, int seqLen, int steps) {
        TokenDataset data = randomRows(batch * (steps + 1), seqLen, config.vocabSize());
        List<Long> stamps = new ArrayList<>();
        try (NDManager manager = NDManager.newBaseManager();
             MiniMindForCausalLM model = new MiniMindForCausalLM(config, manager, 42);
             AdamW optimizer = new AdamW(SupervisedTrainer.uniqueParameters(model), AdamWConfig.pytorchDefaults())) {
            LoopSettings settings = new LoopSettings(1, batch, 1e-4, 1, 1.0, Integer.MAX_VALUE, Integer.MAX_VALUE);
            stamps.add(System.nanoTime());
            TrainLog silent = new TrainLog(new PrintStream(OutputStream.nullOutputStream()));
            new TrainLoop<>(settings, new TokenBatchSource(data), rows -> SupervisedTrainer.loss(model, rows),
                    optimizer, (epoch, step, opt) -> { }, silent)
                    .optListener(report -> stamps.add(System.nanoTime()) && report.step() <= steps)
                    .run(ResumePoint.START);
            double[] seconds = new double[stamps.size() - 2];
            for (int i = 2; i < stamps.size(); i++) {
                seconds[i - 2] = (stamps.get(i) - stamps.get(i - 1)) / 1e9;
            }
            Arrays.sort(seconds);
            long parameters = model.parameterCount();
            return new Result(name, config, parameters, batch, seqLen, seconds[seconds.length / 2]);
        }
    }

    private static TokenDataset randomRows(int rows, int seqLen, int vocab) {
        Random random = new Random(1);
        List<Sample> samples = new ArrayList<>();
        float[] mask = new float[seqLen];
        Arrays.fill(mask, 1f);
        for (int i = 0; i < rows; i++) {
            long[] ids = random.longs(seqLen + 1, 3, vocab).toArray();
            samples.add(new Sample(Arrays.copyOf(ids, seqLen), Arrays.copyOfRange(ids, 1, seqLen + 1), mask));
        }
        return new TokenDataset() {
            @Override
            public int size() {
                return samples.size();
            }

            @Override
            public Sample get(int index) {
                return samples.get(index);
            }
        };
    }
}
