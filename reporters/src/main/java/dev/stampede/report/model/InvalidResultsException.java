package dev.stampede.report.model;

/**
 * A result directory that cannot be reported: no latency log, a file in a format version this build
 * does not know, or a file that is not what its name says. The message names the file (and line).
 */
public final class InvalidResultsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With the message for people. */
    public InvalidResultsException(String message) {
        super(message);
    }

    /** With the message for people and the cause. */
    public InvalidResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
