package dev.stampede.logparser;

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
}
