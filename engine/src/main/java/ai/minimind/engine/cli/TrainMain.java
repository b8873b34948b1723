package ai.minimind.engine.cli;

import ai.minimind.engine.tokenizer.TokenizerTrainMain;
import ai.minimind.engine.train.SupervisedTask;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/minimind train <type> [MiniMind flags]}: the engine's trainers behind MiniMind's command lines.
 * Relative paths resolve against the working directory, as MiniMind's scripts do from {@code trainer/}. Log lines go
 * to stdout, flushed one by one; errors to stderr; exit codes per {@link ExitCodes}.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train MiniMind: pretrain | sft | tokenizer (lora, dpo, ppo, grpo, spo are not in the builtin"
                + " engine yet)")
public final class TrainMain implements Callable<Integer> {
    private static final List<String> LATER = List.of("lora", "dpo", "ppo", "grpo", "spo");

    private final PrintStream err;

    private TrainMain(PrintStream err) {
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, Path.of("").toAbsolutePath(), utf8(FileDescriptor.out), utf8(FileDescriptor.err)));
    }

    /** Parses and runs one command; returns the process exit code. */
    public static int run(String[] args, Path workDir, PrintStream out, PrintStream err) {
        int code = commandLine(workDir, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** The configured command line with every train type (tests parse it to read each trainer's defaults). */
    static CommandLine commandLine(Path workDir, PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(new TrainMain(err));
        addSupervised(line, "pretrain", SupervisedTask.PRETRAIN, TrainerDefaults.PRETRAIN, workDir, out, err);
        addSupervised(line, "sft", SupervisedTask.SFT, TrainerDefaults.SFT, workDir, out, err);
        line.addSubcommand("tokenizer", new TokenizerTrainMain());
        for (String type : LATER) {
            line.addSubcommand(type, new NotYetImplementedCommand(type, err));
        }
        // argparse lets a repeated flag override the earlier one; help gets room for the default paths
        line.setOverwrittenOptionsAllowed(true);
        // picocli would replace an argument "@file" by that file's contents; argparse (MiniMind) has no such rule,
        // and the service passes user strings as arguments: "@/other/client/log" must stay a plain string.
        line.setExpandAtFiles(false);
        line.setUsageHelpWidth(120);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setExecutionExceptionHandler(ExitCodes.failureHandler(err));
        return line;
    }

    private static void addSupervised(CommandLine line, String name, SupervisedTask task, TrainerDefaults defaults,
                                      Path workDir, PrintStream out, PrintStream err) {
        CommandLine sub = new CommandLine(new SupervisedCommand(task, workDir, out, err));
        sub.setDefaultValueProvider(defaults.provider());
        line.addSubcommand(name, sub);
    }

    @Override
    public Integer call() {
        err.println("error: missing train type (pretrain, sft, lora, dpo, ppo, grpo, spo)");
        return ExitCodes.USAGE;
    }

    /** Java 17 writes stdout in the platform charset; MiniMind's log lines hold Chinese, so force UTF-8. */
    static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }
}
