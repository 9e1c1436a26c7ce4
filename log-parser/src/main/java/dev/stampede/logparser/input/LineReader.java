package dev.stampede.logparser.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream into lines at {@code \n} (a {@code \r} before it is dropped), decoding each line
 * as ISO-8859-1: one char per byte, so no byte is lost or altered whatever the log's encoding. A line
 * longer than {@code maxLineBytes} is returned cut and flagged, the rest of it skipped. Single-threaded.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private boolean lastTooLong;
    private long lineNumber;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or {@code null} at the end of the input. */
    public String next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (length == 0 && !tooLong) {
                        return null;
                    }
                    return finish(length, tooLong);
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            if (length == 0 && position < limit && chunk <= maxLineBytes) {
                // The whole line is in the buffer (the usual case): one copy, straight into the string.
                position++; // the \n
                lineNumber++;
                lastTooLong = false;
                int end = chunk > 0 && buffer[start + chunk - 1] == '\r' ? chunk - 1 : chunk;
                return new String(buffer, start, end, StandardCharsets.ISO_8859_1);
            }
            if (length + chunk > maxLineBytes) {
                chunk = Math.max(0, maxLineBytes - length);
                tooLong = true;
            }
            if (chunk > 0) {
                if (length + chunk > line.length) {
                    line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, length + chunk));
                }
                System.arraycopy(buffer, start, line, length, chunk);
                length += chunk;
            }
            if (position < limit) {
                position++; // the \n
                return finish(length, tooLong);
            }
        }
    }

    private String finish(int length, boolean tooLong) {
        lineNumber++;
        lastTooLong = tooLong;
        int end = length > 0 && line[length - 1] == '\r' && !tooLong ? length - 1 : length;
        return new String(line, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Whether the line just returned was longer than the limit (and so cut). */
    public boolean lastWasTooLong() {
        return lastTooLong;
    }

    /** Number of the line just returned, from 1. */
    public long lineNumber() {
        return lineNumber;
    }
}
