package dev.stampede.logparser;

import dev.stampede.logparser.input.LineBatch;

/**
 * Parses lines of one {@link LineFormat}. Single-threaded: each pipeline worker has its own. Never
 * throws on input: whatever the bytes, the answer is a parsed record or a {@link Rejection}.
 */
public interface LineParser {

    /**
     * Parses {@code line} (without its line terminator) into {@code record}, which the caller has
     * reset. Sets everything the line has except the source file and line, which the caller sets.
     *
     * @return {@code null} when parsed, else why not (the record's content is then unspecified)
     */
    Rejection parse(String line, RequestRecord record);

    /**
     * Parses line {@code index} of {@code batch}, exactly as {@link #parse(String, RequestRecord)}
     * parses {@code batch.line(index)}: same records, same rejections. A parser that can read the bytes
     * in place overrides this and makes strings only for the values it keeps.
     */
    default Rejection parse(LineBatch batch, int index, RequestRecord record) {
        return parse(batch.line(index), record);
    }
}
