package ai.minimind.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bin/minimind bench <name> [options]}: plain benchmark harnesses that print a markdown table.
 * {@code engine} measures training-step throughput next to the matmul peak of the same libtorch.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = EngineBench.class,
        description = "Benchmarks: engine (training throughput on this machine)")
public final class BenchMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing benchmark name (engine)");
    }
}
