package dev.stampede.engine.journal;

/**
 * The journal's on-disk layout, in one place for the writer and the reader (docs/journal.md describes
 * it for other readers). A journal is a Chronicle Queue directory of excerpts, each starting with a tag
 * byte: one {@link #HEADER}, then {@link #BATCH}es of fixed-size entries, then one {@link #TRAILER}
 * written by {@link ResultJournal#close()}. Numbers are little-endian (Chronicle Bytes' order).
 *
 * <p>Entry ({@value #ENTRY_BYTES} bytes): intended ns (long), sent ns (long, {@value #UNSENT} when
 * never sent), done ns (long), all relative to the header's origin; endpoint index (int); HTTP status
 * (short, 0 without a response); response bytes (long); outcome index into the header's outcome codes
 * (byte); trace id (16 bytes in W3C order: the high long big-endian, then the low long big-endian).
 */
final class JournalFormat {

    /** The folder of the result directory that holds the journal. */
    static final String DIRECTORY = "journal";

    /** Identifies a Stampede result journal; the header's first field. */
    static final String MAGIC = "stampede-journal";

    /** The layout version this code writes and reads. */
    static final int VERSION = 1;

    static final byte HEADER = 1;
    static final byte BATCH = 2;
    static final byte TRAILER = 3;

    /** Bytes of one entry: three times, endpoint, status, response bytes, outcome, trace id. */
    static final int ENTRY_BYTES = 8 + 8 + 8 + 4 + 2 + 8 + 1 + 16;

    /** Entries per batch excerpt at most: one excerpt per entry would cost more than the entry. */
    static final int BATCH_ENTRIES = 256;

    /** The sent time of a request that never reached the wire. */
    static final long UNSENT = -1;

    private JournalFormat() {}
}
