package ai.minimind.engine.cli;

import ai.minimind.engine.data.DataFormatException;
import ai.minimind.engine.train.NonFiniteException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * Exit codes of the engine's commands, argparse-like: 0 success, 1 the run failed (bad data, missing weights, a
 * non-finite loss or weights, I/O), 2 bad usage (unknown flag, bad value, a train type the builtin engine lacks).
 */
final class ExitCodes {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private ExitCodes() {
    }

    /** Prints the reason on stderr (a stack trace only for what is not an expected failure) and returns 1. */
    static IExecutionExceptionHandler failureHandler(PrintStream err) {
        return (Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) -> {
            if (e instanceof DataFormatException || e instanceof NonFiniteException
                    || e instanceof IllegalArgumentException || e instanceof IOException
                    || e instanceof UncheckedIOException) {
                err.println("error: " + e.getMessage());
            } else {
                err.println("error: " + e);
                e.printStackTrace(err);
            }
            err.flush();
            return FAILED;
        };
    }
}
