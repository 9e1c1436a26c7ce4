package dev.stampede.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class CliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(boolean stackTraces, String... args) {
        return command(stackTraces).execute(args);
    }

    private CommandLine command(boolean stackTraces) {
        return Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), stackTraces);
    }

    @Test
    void helpPrintsTheCommandTreeAndExitCodes() {
        int code = run(false, "--help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("Usage: stampede [-hV] [COMMAND]")
                .contains("Commands:")
                .containsPattern("(?m)^  help\\s+Display help")
                .contains("Exit codes:")
                .contains("2  usage error");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void helpSubcommandShowsTheSameUsage() {
        int code = run(false, "help");

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: stampede [-hV] [COMMAND]");
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuiltAndBehavesAsInTheWholeTree() {
        PrintWriter alone = new PrintWriter(out, true);
        CommandLine tree = Cli.forArgs(alone, new PrintWriter(err, true), false, "parse", "--help");
        assertThat(tree.getSubcommands().keySet()).containsExactly("parse");
        assertThat(tree.execute("parse", "--help")).isEqualTo(ExitCode.OK);
        String usageAlone = out.toString();
        out.getBuffer().setLength(0);

        assertThat(run(false, "parse", "--help")).isEqualTo(ExitCode.OK);
        assertThat(usageAlone).isEqualTo(out.toString()).contains("Usage: stampede parse");
        assertThat(Cli.forArgs(alone, alone, false, "parse", "--bogus").execute("parse", "--bogus"))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpAnUnknownCommandOrNoneBuildTheWholeTree() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        int all = Cli.SUBCOMMANDS.size();
        assertThat(Cli.forArgs(sink, sink, false).getSubcommands()).hasSize(all);
        assertThat(Cli.forArgs(sink, sink, false, "help", "parse").getSubcommands())
                .hasSize(all);
        assertThat(Cli.forArgs(sink, sink, false, "pasre").getSubcommands()).hasSize(all);
        for (Class<?> subcommand : Cli.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(Command.class).name();
            assertThat(Cli.subcommandNamed(name))
                    .isEqualTo(subcommand == CommandLine.HelpCommand.class ? null : subcommand);
        }
    }

    @Test
    void versionNamesTheVersionCommitAndJava() {
        int code = run(false, "--version");

        assertThat(code).isEqualTo(ExitCode.OK);
        String[] lines = out.toString().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).matches("stampede \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(lines[1]).matches("commit ([0-9a-f]{12} \\(.+\\)|unknown \\(built outside a git checkout\\))");
        assertThat(lines[2]).startsWith("java " + Runtime.version().feature());
    }

    @Test
    void unknownOptionIsAUsageErrorWithAOneLineHint() {
        int code = run(false, "--bogus");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().split("\\R"))
                .containsExactly("stampede: Unknown option: '--bogus'", "Try 'stampede --help' for more information.");
    }

    @Test
    void misspelledCommandGetsASuggestion() {
        int code = run(false, "hepl");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        // picocli suggests every command close enough ("help or stampede report"): help comes first.
        assertThat(err.toString()).contains("Did you mean: stampede help").endsWith(hintFor("stampede"));
    }

    @Test
    void noCommandIsAUsageError() {
        int code = run(false);

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).startsWith("stampede: no command given").endsWith(hintFor("stampede"));
    }

    @Test
    void usageErrorInASubcommandPointsAtThatSubcommandsHelp() {
        CommandLine cmd = withFailingSubcommand(false);

        int code = cmd.execute("failing", "--nope");

        assertThat(code).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).endsWith(hintFor("stampede failing"));
    }

    @Test
    void runFailureIsOneClearLineAndExitCodeOne() {
        CommandLine cmd = withFailingSubcommand(false);

        int code = cmd.execute("failing", "--user-error");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(err.toString().split("\\R")).containsExactly("stampede: error: access.log: no such file");
    }

    @Test
    void unexpectedFailureSaysItIsABugAndHidesTheStackTraceByDefault() {
        CommandLine cmd = withFailingSubcommand(false);

        int code = cmd.execute("failing");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(err.toString())
                .startsWith("stampede: internal error: java.lang.IllegalStateException: boom")
                .contains("STAMPEDE_STACKTRACE=1")
                .doesNotContain("\tat ");
    }

    @Test
    void stackTraceIsPrintedWhenAskedFor() {
        CommandLine cmd = withFailingSubcommand(true);

        int code = cmd.execute("failing");

        assertThat(code).isEqualTo(ExitCode.RUN_FAILED);
        assertThat(err.toString()).contains("\tat dev.stampede.cli.CliTest$Failing.call");
    }

    private CommandLine withFailingSubcommand(boolean stackTraces) {
        CommandLine tree = new CommandLine(new StampedeCommand()).addSubcommand(new Failing());
        return Cli.configure(tree, new PrintWriter(out, true), new PrintWriter(err, true), stackTraces);
    }

    private static String hintFor(String command) {
        return "Try '" + command + " --help' for more information." + System.lineSeparator();
    }

    /** A subcommand that fails on purpose, added to the real command tree only in this test. */
    @Command(name = "failing")
    static final class Failing implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Option(names = "--user-error")
        boolean userError;

        @Override
        public Integer call() {
            if (userError) {
                throw new RunFailedException("access.log: no such file");
            }
            throw new IllegalStateException("boom");
        }
    }
}
