package dev.stampede.logparser.input;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Opens compressed inputs by their content, not their name: gzip ({@code 1f 8b}, including rotated
 * files of several gzip members) and zstd ({@code 28 b5 2f fd}); anything else is read as is.
 */
public final class Decompression {

    private static final int BUFFER = 1 << 16;

    private Decompression() {}

    /** {@code raw}, decompressed when its first bytes say it is compressed. */
    public static InputStream wrap(InputStream raw) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xFF) == 0x1F && (magic[1] & 0xFF) == 0x8B) {
            return new BufferedInputStream(new GZIPInputStream(in, BUFFER), BUFFER);
        }
        if (magic.length == 4
                && (magic[0] & 0xFF) == 0x28
                && (magic[1] & 0xFF) == 0xB5
                && (magic[2] & 0xFF) == 0x2F
                && (magic[3] & 0xFF) == 0xFD) {
            return new BufferedInputStream(new ZstdInputStream(in), BUFFER);
        }
        return in;
    }
}
