package dev.stampede.cli;

/**
 * A failure the user can act on (a missing file, an unreachable target), reported as one clear line
 * without a stack trace and exit code {@link ExitCode#RUN_FAILED}.
 */
public class RunFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RunFailedException(String message) {
        super(message);
    }

    public RunFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
