package ai.minimind.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** A MiniMind trainer the builtin engine does not have yet: says so and exits 2, whatever the flags. */
@Command(description = "not yet implemented in the builtin engine")
final class NotYetImplementedCommand implements Callable<Integer> {
    @Unmatched
    List<String> arguments;

    private final String type;
    private final PrintStream err;

    NotYetImplementedCommand(String type, PrintStream err) {
        this.type = type;
        this.err = err;
    }

    @Override
    public Integer call() {
        err.println("error: train type '" + type + "' is not yet implemented in the builtin engine"
                + " (available: pretrain, sft); use the python backend for it");
        err.flush();
        return ExitCodes.USAGE;
    }
}
