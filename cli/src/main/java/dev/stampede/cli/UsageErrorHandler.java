package dev.stampede.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A wrong command line: the error, a "did you mean" when picocli has one, and a one-line hint naming
 * the help to read. Exit code {@link ExitCode#USAGE}. The full usage is not dumped: it would bury
 * the error.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("stampede: " + ex.getMessage());
        UnmatchedArgumentException.printSuggestions(ex, err);
        String qualifiedName = cmd.getCommandSpec().qualifiedName();
        err.println("Try '" + qualifiedName + " --help' for more information.");
        err.flush();
        return ExitCode.USAGE;
    }
}
