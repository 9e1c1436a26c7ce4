package dev.stampede.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** The command line as the command tests run it: every subcommand, its output and errors kept in memory. */
final class CapturedCli {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    /** Runs {@code args} (stack traces off) and returns the exit code. */
    int run(String... args) {
        return Cli.create(new PrintWriter(out, true), new PrintWriter(err, true), false)
                .execute(args);
    }

    /** Both streams, for an assertion's description. */
    @Override
    public String toString() {
        return out + "\n" + err;
    }
}
