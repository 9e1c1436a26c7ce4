package dev.stampede.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** Builds the configured command line: the command tree, its error handlers and output streams. */
public final class Cli {

    /** The subcommands of {@code stampede}, in the order its help lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            ParseCommand.class,
            ModelCommand.class,
            RunCommand.class,
            CtlCommand.class,
            DemoCommand.class,
            ReportCommand.class,
            JournalCommand.class,
            CompareCommand.class,
            TestbedCommand.class,
            ClassCacheTraining.class,
            HelpCommand.class);

    private Cli() {}

    /**
     * The command line for {@code args}, writing to stdout/stderr, with stack traces when {@code
     * STAMPEDE_STACKTRACE=1}. When {@code args} name a subcommand, the tree holds only that one: picocli
     * builds the model of every command it holds by reflection, and the other ten cost a short command
     * (a small parse, {@code ctl status}) about a tenth of a second of start-up.
     */
    public static CommandLine standard(String... args) {
        return forArgs(
                new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true),
                new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true),
                "1".equals(System.getenv(RunFailureHandler.STACKTRACE_ENV)),
                args);
    }

    /** As {@link #standard}, writing to the given streams. */
    static CommandLine forArgs(PrintWriter out, PrintWriter err, boolean printStackTraces, String... args) {
        Class<?> named = args.length == 0 ? null : subcommandNamed(args[0]);
        if (named == null) {
            return create(out, err, printStackTraces);
        }
        return configure(new CommandLine(new StampedeCommand()).addSubcommand(named), out, err, printStackTraces);
    }

    /** The command line with every subcommand, writing to the given streams; tests use this. */
    public static CommandLine create(PrintWriter out, PrintWriter err, boolean printStackTraces) {
        CommandLine root = new CommandLine(new StampedeCommand());
        for (Class<?> subcommand : SUBCOMMANDS) {
            root.addSubcommand(subcommand);
        }
        return configure(root, out, err, printStackTraces);
    }

    /**
     * The subcommand called {@code name}, or null when there is none or it needs the whole tree
     * ({@code help} describes the others).
     */
    static Class<?> subcommandNamed(String name) {
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (subcommand != HelpCommand.class
                    && subcommand.getAnnotation(Command.class).name().equals(name)) {
                return subcommand;
            }
        }
        return null;
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
