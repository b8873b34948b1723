package ai.minimind.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.minimind.engine.model.MiniMindConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench engine}: tokens per second of a full training step at MiniMind2-Small's size (512 x 8) and at a tiny
 * size, next to the float32 matmul GFLOP/s of the same libtorch, as a markdown table.
 */
@Command(name = "engine", mixinStandardHelpOptions = true,
        description = "Training-step throughput (forward, backward, AdamW) vs. the measured matmul peak")
final class EngineBench implements Runnable {
    @Option(names = "--steps", defaultValue = "3", description = "measured steps per size, after one warm-up"
            + " (default: ${DEFAULT-VALUE})")
    int steps;
    @Option(names = "--batch_size", defaultValue = "2", description = "batch at 512 x 8 (default: ${DEFAULT-VALUE})")
    int batchSize;
    @Option(names = "--seq_len", defaultValue = "511", description = "tokens per row at 512 x 8, max_seq_len - 1"
            + " (default: ${DEFAULT-VALUE})")
    int seqLen;

    @Override
    public void run() {
        double peak;
        try (NDManager manager = NDManager.newBaseManager()) {
            peak = Math.max(MatmulPeak.gflops(manager, 1024, 10), MatmulPeak.gflops(manager, 2048, 3));
        }
        List<StepThroughput.Result> results = List.of(
                StepThroughput.measure("MiniMind2-Small", MiniMindConfig.of(512, 8, false), batchSize, seqLen, steps),
                StepThroughput.measure("tiny", MiniMindConfig.of(64, 2, false), 8, 127, steps));
        print(peak, results);
    }

    private static void print(double peak, List<StepThroughput.Result> results) {
        System.out.printf(Locale.ROOT, "libtorch %s on %s, %d CPU(s) visible, load average %s; float32 matmul"
                        + " peak (best of 1024^3 and 2048^3): %.1f GFLOP/s%n%n", Engine.getInstance().getVersion(),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(), loadAverage(), peak);
        System.out.println("| model | params | batch x seq | step (s, median) | tokens/s | model GFLOP/s "
                + "| share of matmul peak |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (StepThroughput.Result r : results) {
            System.out.printf(Locale.ROOT, "| %s (%d x %d) | %.3f M | %d x %d | %.3f | %.0f | %.1f | %.0f %% |%n",
                    r.name(), r.config().hiddenSize(), r.config().numHiddenLayers(), r.parameters() / 1e6,
                    r.batch(), r.seqLen(), r.medianSeconds(), r.tokensPerSecond(), r.modelGflops(),
                    100 * r.modelGflops() / peak);
        }
        System.out.println();
        System.out.println("model GFLOP/s = 6 x parameters x tokens/s (attention scores and softmax not counted).");
    }

    /** The 1-minute load average: other processes on a shared machine lower every figure. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
