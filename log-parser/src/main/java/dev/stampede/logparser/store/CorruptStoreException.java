package dev.stampede.logparser.store;

/** A record store whose bytes do not decode: truncated, overwritten, or not written by this code. */
public final class CorruptStoreException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public CorruptStoreException(String message) {
        super("record store is corrupt: " + message);
    }
}
