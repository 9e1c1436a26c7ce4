package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.RequestRecord;

/**
 * A {@link Decoder} that reads the line's bytes in place: one variable's value, {@code
 * line.data[start, end)} (positions in the array, not in the line).
 */
@FunctionalInterface
interface ByteDecoder {

    /**
     * Does what the variable's {@link Decoder} does with the same text.
     *
     * @return true when decoded; false when the {@link Decoder} must decide (it would reject the line, or
     *     the value is a rare case left to it), and the parser then parses the whole line as a string
     */
    boolean decode(ByteLine line, int start, int end, RequestRecord record, LineState state);

    /** For variables that carry nothing a request record keeps. */
    ByteDecoder IGNORE = (line, start, end, record, state) -> true;

    /** {@code decoder} on the line as a string (made once per line; its positions are the same). */
    static ByteDecoder via(Decoder decoder) {
        return (line, start, end, record, state) ->
                decoder.decode(line.string(), start - line.start, end - line.start, record, state) == null;
    }
}
