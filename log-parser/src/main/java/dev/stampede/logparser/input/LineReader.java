package dev.stampede.logparser.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits a byte stream into lines at {@code \n} (a {@code \r} before it is dropped), keeping them as
 * bytes ({@link #fill}) or decoding each as ISO-8859-1 ({@link #next}): one char per byte, so no byte
 * is lost or altered whatever the log's encoding. A line longer than {@code maxLineBytes} is returned
 * cut and flagged, the rest of it skipped. Single-threaded.
 */
public final class LineReader {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean ended;
    private long lineNumber;
    private final LineBatch single = new LineBatch(1, 256);

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /**
     * Clears {@code batch} and fills it with up to {@code maxLines} lines, copying bytes only (the parse
     * workers make the strings).
     *
     * @return the number of lines read; 0 at the end of the input
     */
    public int fill(LineBatch batch, int maxLines) throws IOException {
        batch.clear();
        while (batch.count < maxLines && readLine(batch)) {
            lineNumber++;
        }
        return batch.count;
    }

    /** The next line, or {@code null} at the end of the input. */
    public String next() throws IOException {
        single.clear();
        if (!readLine(single)) {
            return null;
        }
        lineNumber++;
        return single.line(0);
    }

    /** Appends the next line to {@code batch}; false at the end of the input. */
    private boolean readLine(LineBatch batch) throws IOException {
        int lineStart = batch.length;
        int length = 0;
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                if (ended || !refill()) {
                    if (!any) {
                        return false;
                    }
                    batch.endLine(lineStart, tooLong);
                    return true;
                }
            }
            any = true;
            int start = position;
            int newline = ByteSearch.indexOf(buffer, position, limit, (byte) '\n');
            position = newline < 0 ? limit : newline;
            int chunk = position - start;
            if (length + chunk > maxLineBytes) {
                chunk = Math.max(0, maxLineBytes - length);
                tooLong = true;
            }
            if (chunk > 0) {
                batch.append(buffer, start, chunk);
                length += chunk;
            }
            if (position < limit) {
                position++; // the \n
                batch.endLine(lineStart, tooLong);
                return true;
            }
        }
    }

    private boolean refill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        if (n <= 0) {
            limit = 0;
            ended = true;
            return false;
        }
        limit = n;
        return true;
    }

    /** Whether the line just returned by {@link #next} was longer than the limit (and so cut). */
    public boolean lastWasTooLong() {
        return single.count > 0 && single.tooLong(0);
    }

    /** Number of lines read so far (the last one returned is this one), from 1. */
    public long lineNumber() {
        return lineNumber;
    }
}
