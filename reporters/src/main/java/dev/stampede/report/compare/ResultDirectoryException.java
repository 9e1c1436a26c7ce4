package dev.stampede.report.compare;

/**
 * A directory that cannot be compared: missing, not a result directory, or holding a file this version
 * cannot read. The message names the path and says what is wrong.
 */
public final class ResultDirectoryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message that names the path. */
    public ResultDirectoryException(String message) {
        super(message);
    }

    /** With a message that names the path, and the failure behind it. */
    public ResultDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
