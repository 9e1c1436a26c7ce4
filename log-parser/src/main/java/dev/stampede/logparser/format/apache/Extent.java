package dev.stampede.logparser.format.apache;

/**
 * Where a field's text ends. Immutable; called once per field per line, so it must not allocate.
 * Failures are negative codes the splitter turns into rejections.
 */
interface Extent {

    /** The line ends before the field does. */
    int TRUNCATED = -1;
    /** The text after the field does not match the format. */
    int MISMATCH = -2;
    /** A self-delimiting time field does not have its format's shape. */
    int BAD_TIME = -3;

    /**
     * The index just after the field's text starting at {@code start}, or a negative code.
     *
     * @param lineEnd the line's length without trailing whitespace
     */
    int end(String line, int start, int lineEnd, LineState state);
}
