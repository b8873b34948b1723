package ai.minimind.engine.cli;

import ai.minimind.engine.train.SupervisedTask;
import ai.minimind.engine.train.SupervisedTrainer;
import ai.minimind.engine.train.TrainConfig;
import ai.minimind.engine.train.TrainLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code train pretrain|sft [MiniMind flags]}: runs {@link SupervisedTrainer} in the foreground. */
@Command(mixinStandardHelpOptions = true, sortOptions = false)
final class SupervisedCommand implements Callable<Integer> {
    @Mixin
    SupervisedOptions options;

    private final SupervisedTask task;
    private final Path workDir;
    private final PrintStream out;
    private final PrintStream err;

    SupervisedCommand(SupervisedTask task, Path workDir, PrintStream out, PrintStream err) {
        this.task = task;
        this.workDir = workDir;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        TrainConfig config;
        try {
            config = options.toConfig();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        new SupervisedTrainer(config, task, workDir, new TrainLog(out)).run();
        return ExitCodes.OK;
    }
}
