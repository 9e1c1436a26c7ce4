package dev.stampede.logparser.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines as bytes: one array holding them back to back ({@code \r\n} and {@code \n} removed) and where
 * each ends. A reader fills it without making a string per line; whoever parses the lines (another
 * thread) reads line {@code i} as {@code data()[start(i), end(i))}, or as a string with {@link
 * #line(int)}. Not thread-safe; hand it over whole.
 */
public final class LineBatch {

    byte[] data;
    int length;
    int[] ends;
    boolean[] tooLong;
    int count;

    public LineBatch(int expectedLines, int expectedBytes) {
        this.data = new byte[Math.max(16, expectedBytes)];
        this.ends = new int[Math.max(1, expectedLines)];
        this.tooLong = new boolean[ends.length];
    }

    /** Lines in the batch. */
    public int size() {
        return count;
    }

    /** Line {@code i} decoded as ISO-8859-1 (one char per byte: no byte is lost or altered). */
    public String line(int i) {
        int start = start(i);
        return new String(data, start, ends[i] - start, StandardCharsets.ISO_8859_1);
    }

    /**
     * The bytes of all lines, back to back; valid until the batch is filled again. Read, never written:
     * the array is the batch's own.
     */
    public byte[] data() {
        return data;
    }

    /** Where line {@code i} starts in {@link #data()}. */
    public int start(int i) {
        return i == 0 ? 0 : ends[i - 1];
    }

    /** Where line {@code i} ends (exclusive) in {@link #data()}. */
    public int end(int i) {
        return ends[i];
    }

    /** Whether line {@code i} was longer than the reader's limit, and so cut. */
    public boolean tooLong(int i) {
        return tooLong[i];
    }

    void clear() {
        length = 0;
        count = 0;
    }

    void append(byte[] bytes, int offset, int n) {
        if (length + n > data.length) {
            data = Arrays.copyOf(data, Math.max(data.length * 2, length + n));
        }
        System.arraycopy(bytes, offset, data, length, n);
        length += n;
    }

    /** Ends the line being appended: drops one trailing {@code \r} unless the line was cut. */
    void endLine(int lineStart, boolean cut) {
        if (!cut && length > lineStart && data[length - 1] == '\r') {
            length--;
        }
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
            tooLong = Arrays.copyOf(tooLong, count * 2);
        }
        ends[count] = length;
        tooLong[count] = cut;
        count++;
    }
}
