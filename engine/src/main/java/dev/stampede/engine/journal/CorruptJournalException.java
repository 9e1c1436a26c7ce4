package dev.stampede.engine.journal;

import java.nio.file.Path;

/** A journal whose bytes do not decode; the message names the journal and the excerpt. */
public final class CorruptJournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long excerpt;

    CorruptJournalException(Path directory, long excerpt, String problem) {
        super(directory + ": corrupt journal at excerpt " + excerpt + ": " + problem);
        this.excerpt = excerpt;
    }

    /** The excerpt (0 is the header) that did not decode. */
    public long excerpt() {
        return excerpt;
    }
}
