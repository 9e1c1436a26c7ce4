package dev.stampede.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Builds the configured command line: the command tree, its error handlers and output streams. */
public final class Cli {

    private Cli() {}

    /** The command line writing to stdout/stderr, with stack traces when {@code STAMPEDE_STACKTRACE=1}. */
    public static CommandLine standard() {
        return create(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                "1".equals(System.getenv(RunFailureHandler.STACKTRACE_ENV)));
    }

    /** The command line writing to the given streams; tests use this. */
    public static CommandLine create(PrintWriter out, PrintWriter err, boolean printStackTraces) {
        return configure(new CommandLine(new StampedeCommand()), out, err, printStackTraces);
    }

    /**
     * Applies stampede's streams and error handlers to {@code cmd} and every subcommand it has now
     * (picocli does not pass them on to subcommands added later).
     */
    static CommandLine configure(CommandLine cmd, PrintWriter out, PrintWriter err, boolean printStackTraces) {
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setParameterExceptionHandler(new UsageErrorHandler());
        cmd.setExecutionExceptionHandler(new RunFailureHandler(printStackTraces));
        return cmd;
    }
}
