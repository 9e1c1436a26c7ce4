package dev.stampede.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The root of the command tree. Its subcommands are listed in {@link Cli#SUBCOMMANDS} (a stage adds
 * its own there when it really works, so {@code --help} never advertises what cannot run).
 */
@Command(
        name = "stampede",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        header = "Log-replay full-link load testing: replay your own production peaks, measure honestly.",
        description = {
            "",
            "Pipeline: access logs -> parse -> record store -> model + data pool -> replay through the chain"
                    + " at a controlled rate -> HdrHistogram results and reports.",
            ""
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  the run failed (a guard aborted it, a bad input, compare found a regression); the message says"
                    + " why (" + RunFailureHandler.STACKTRACE_ENV + "=1: stack trace)",
            "  2  usage error in the command line",
            "",
            "Docs: README.md and docs/architecture.md in the Stampede repository."
        })
final class StampedeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    /** {@code stampede} alone is a usage error: say so and point at the help. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no command given");
    }
}
