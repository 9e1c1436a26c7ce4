package dev.stampede.logparser.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * One input to parse: a file or stdin, opened raw (possibly compressed; see {@link Decompression}).
 *
 * @param name as the user named it, or {@code -} for stdin; records carry it as their source
 * @param sizeBytes its size on disk, or -1 when unknown (stdin)
 * @param opener opens it from the start
 */
public record Input(String name, long sizeBytes, Opener opener) {

    /** Opens an input. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
