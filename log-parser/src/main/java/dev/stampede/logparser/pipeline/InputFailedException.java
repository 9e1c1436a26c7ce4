package dev.stampede.logparser.pipeline;

/** An input could not be read (not a line of it: the file itself). The message names the input. */
public final class InputFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputFailedException(String input, Throwable cause) {
        super("cannot read " + input + ": " + cause, cause);
    }
}
