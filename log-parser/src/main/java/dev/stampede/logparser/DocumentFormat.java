package dev.stampede.logparser;

import java.io.IOException;
import java.io.InputStream;

/** A format read a whole input at a time, sequentially. */
public interface DocumentFormat extends LogFormat {

    /**
     * Reads every entry of {@code in} and tells {@code sink} about each: parsed (with the record's source
     * line set) or rejected. Malformed content is rejected entry by entry, never thrown; only I/O
     * failures throw.
     *
     * @param source the input's name, for the records' source and for messages
     */
    void read(InputStream in, String source, EntrySink sink) throws IOException;

    /** Receives what a document format read, in input order. */
    interface EntrySink {
        /** A parsed request; the sink may keep {@code record} (the reader gives a new one each time). */
        void parsed(RequestRecord record);

        /**
         * An entry that could not be parsed.
         *
         * @param line line number where the entry starts
         * @param text the entry's text, or its first line, for messages
         */
        void rejected(long line, String text, Rejection why);
    }
}
