package ai.minimind.engine.train;

import ai.minimind.engine.data.SharedData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny supervised run (hidden 64, 2 layers, max_seq_len 128) on the shared samples, in-process, with MiniMind's
 * folder layout under a temporary root: {@code root/trainer} is the working directory, so weights land in
 * {@code root/out} and checkpoints in {@code root/checkpoints}.
 */
final class TinyRun {
    final Path workDir;
    String saveWeight = "pretrain";
    int epochs = 1;
    int batchSize = 8;
    double learningRate = 1e-2;
    int accumulationSteps = 1;
    int logInterval = 5;
    int saveInterval = 100;
    int maxSeqLen = 128;
    String data = SharedData.samples("pretrain.jsonl").toString();
    String fromWeight = "none";
    boolean fromResume;
    boolean useMoe;
    final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    final List<StepReport> reports = new ArrayList<>();

    TinyRun(Path root) throws IOException {
        this.workDir = Files.createDirectories(root.resolve("trainer"));
    }

    TinyRun sft() {
        saveWeight = "full_sft";
        data = SharedData.samples("sft.jsonl").toString();
        fromWeight = "pretrain";
        return this;
    }

    TrainConfig config() {
        return new TrainConfig("../out", saveWeight, epochs, batchSize, learningRate, "cpu", "bfloat16", 1,
                accumulationSteps, 1.0, logInterval, saveInterval, 64, 2, maxSeqLen, useMoe, data, fromWeight,
                fromResume, false, "MiniMind-Test", SharedData.tokenizerDir().toString());
    }

    SupervisedTrainer trainer(SupervisedTask task, StepListener stop) {
        TrainLog log = new TrainLog(new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new SupervisedTrainer(config(), task, workDir, log).optListener(report -> {
            reports.add(report);
            return stop.onStep(report);
        });
    }

    /** Runs until the end, or until {@code maxSteps} steps have run (0 = no limit). */
    List<StepReport> run(SupervisedTask task, int maxSteps) throws IOException {
        trainer(task, report -> maxSteps == 0 || reports.size() < maxSteps).run();
        return reports;
    }

    String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    Path out(String file) {
        return workDir.resolve("../out").normalize().resolve(file);
    }

    Path checkpoints(String file) {
        return workDir.resolve("../checkpoints").normalize().resolve(file);
    }

    static double meanLoss(List<StepReport> reports, int from, int to) {
        return reports.subList(from, to).stream().mapToDouble(StepReport::loss).average().orElseThrow();
    }
}
