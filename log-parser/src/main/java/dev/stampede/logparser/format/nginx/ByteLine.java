package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.format.Escapes;
import dev.stampede.logparser.input.ByteSearch;
import java.nio.charset.StandardCharsets;

/**
 * The line being parsed, read in place: {@code data[start, end)}, ISO-8859-1 (one char per byte, so a
 * position in the bytes is the same position in the line as a string). Values become strings one at a
 * time, and the whole line only when a decoder without a byte version needs it. One per parser.
 */
final class ByteLine {

    private static final byte BACKSLASH = '\\';

    byte[] data;
    int start;
    int end;
    private String string;
    private boolean valueMayHaveEscape;
    final RecentTime time = new RecentTime();

    /** Points at a new line. */
    ByteLine of(byte[] bytes, int from, int to) {
        this.data = bytes;
        this.start = from;
        this.end = to;
        this.string = null;
        return this;
    }

    /** The whole line as a string, made at most once per line. */
    String string() {
        if (string == null) {
            string = new String(data, start, end - start, StandardCharsets.ISO_8859_1);
        }
        return string;
    }

    /** Whether {@code data[from, to)} is nginx's {@code -} for a value that is not set. */
    boolean isDash(int from, int to) {
        return to - from == 1 && data[from] == '-';
    }

    /**
     * Where the value starting at {@code from} ends: at the first {@code literal} (wholly inside the
     * line), or -1 when there is none; the empty literal ends it at the line's end. Notes on the way
     * whether the value may hold a backslash, so that its decoder need not look again.
     */
    int valueEnd(int from, byte[] literal) {
        if (literal.length == 0) {
            valueMayHaveEscape = true;
            return end;
        }
        byte first = literal[0];
        int lastStart = end - literal.length;
        boolean escape = first == BACKSLASH;
        for (int i = from; ; i++) {
            i = escape
                    ? ByteSearch.indexOf(data, i, lastStart + 1, first)
                    : ByteSearch.indexOfEither(data, i, lastStart + 1, first, BACKSLASH);
            if (i < 0) {
                return -1;
            }
            if (data[i] != first) {
                escape = true; // a backslash
            } else if (ByteSearch.matchesAt(data, i, literal)) {
                valueMayHaveEscape = escape;
                return i;
            }
        }
    }

    /** Whether {@code data[from, to)}, in the value last found by {@link #valueEnd}, holds a backslash. */
    boolean hasEscape(int from, int to) {
        return valueMayHaveEscape && ByteSearch.indexOf(data, from, to, BACKSLASH) >= 0;
    }

    /** {@code data[from, to)} as a new string. */
    String text(int from, int to) {
        return new String(data, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** {@code data[from, to)} unescaped as {@link Escapes#unescape} does: one copy when nothing is escaped. */
    String unescaped(int from, int to) {
        String text = text(from, to);
        return hasEscape(from, to) ? Escapes.unescape(text) : text;
    }
}
