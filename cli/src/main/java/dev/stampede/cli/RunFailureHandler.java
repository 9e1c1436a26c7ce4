package dev.stampede.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A command that failed while running. A {@link RunFailedException} is the user's to fix and gets one
 * clear line; anything else is our bug and says so, with the stack trace when {@code
 * STAMPEDE_STACKTRACE=1}. Exit code {@link ExitCode#RUN_FAILED} either way.
 */
final class RunFailureHandler implements IExecutionExceptionHandler {

    /** Set to {@code 1} to print stack traces for every failure. */
    static final String STACKTRACE_ENV = "STAMPEDE_STACKTRACE";

    private final boolean printStackTraces;

    RunFailureHandler(boolean printStackTraces) {
        this.printStackTraces = printStackTraces;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof RunFailedException) {
            err.println("stampede: error: " + ex.getMessage());
        } else {
            err.println("stampede: internal error: " + ex);
            if (!printStackTraces) {
                err.println("This is a bug in stampede. Run again with " + STACKTRACE_ENV
                        + "=1 for the stack trace, and report it.");
            }
        }
        if (printStackTraces) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCode.RUN_FAILED;
    }
}
