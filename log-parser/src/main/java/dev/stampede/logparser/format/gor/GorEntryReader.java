package dev.stampede.logparser.format.gor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a {@code .gor} byte stream into entries, one at a time, as GoReplay's own file input does: an
 * entry ends at a line that is exactly {@code 🐵🙈🙉}, and the newline before that line belongs to the
 * separator ({@code "\n🐵🙈🙉\n"}), not to the entry. Bodies may hold any bytes, so only a whole line
 * equal to the separator ends an entry. An entry longer than the limit is not kept (only its first
 * bytes, for messages), but the reader still finds its end. Single-threaded; the entry's bytes are valid
 * until the next call.
 */
final class GorEntryReader {

    /** The separator line without its newline. */
    static final byte[] SEPARATOR = "🐵🙈🙉".getBytes(StandardCharsets.UTF_8);

    private final InputStream in;
    private final int maxEntryBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean endOfInput;
    private long linesRead;

    private byte[] entry = new byte[8 * 1024];
    private int entryLength;
    private long entryLine;
    private boolean terminated;
    private boolean oversized;

    /** The current line's first bytes and length, to recognise the separator line. */
    private final byte[] lineHead = new byte[SEPARATOR.length + 1];

    private int lineLength;
    /** How many bytes of the current line went into {@link #entry} (fewer once oversized). */
    private int lineKept;

    GorEntryReader(InputStream in, int maxEntryBytes) {
        this.in = in;
        this.maxEntryBytes = maxEntryBytes;
    }

    /** Reads the next entry; {@code false} when the input has no more bytes. */
    boolean next() throws IOException {
        entryLength = 0;
        entryLine = linesRead + 1;
        terminated = false;
        oversized = false;
        boolean readAny = false;
        while (fill()) {
            readAny = true;
            int newline = indexOfNewline();
            int end = newline < 0 ? limit : newline + 1;
            takeLinePart(position, end - position);
            position = end;
            if (newline >= 0) {
                linesRead++;
                boolean separator = isSeparatorLine(true);
                if (separator) {
                    dropSeparatorNewline();
                }
                startLine();
                if (separator) {
                    return true;
                }
            }
        }
        if (lineLength > 0) {
            // A last line without a newline: a separator there still ends the entry (the file was cut
            // after the emoji), anything else is part of the entry.
            linesRead++;
            if (isSeparatorLine(false)) {
                dropSeparatorNewline();
            }
            startLine();
        }
        return readAny;
    }

    /** The current entry's bytes, {@code [0, length())}. */
    byte[] bytes() {
        return entry;
    }

    int length() {
        return entryLength;
    }

    /** The line number (from 1) of the entry's first line. */
    long firstLine() {
        return entryLine;
    }

    /** Whether a separator ended the entry ({@code false}: the input ended). */
    boolean terminated() {
        return terminated;
    }

    /** Whether the entry was longer than the limit; then only its beginning is in {@link #bytes()}. */
    boolean oversized() {
        return oversized;
    }

    private boolean fill() throws IOException {
        if (position < limit) {
            return true;
        }
        if (endOfInput) {
            return false;
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        position = 0;
        limit = read;
        return read > 0 || fill();
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void takeLinePart(int from, int count) {
        int head = Math.min(count, lineHead.length - Math.min(lineLength, lineHead.length));
        System.arraycopy(buffer, from, lineHead, Math.min(lineLength, lineHead.length), head);
        lineLength += count;
        int keep = oversized ? 0 : Math.min(count, maxEntryBytes - entryLength);
        if (keep < count) {
            oversized = true;
        }
        if (keep > 0) {
            ensureCapacity(entryLength + keep);
            System.arraycopy(buffer, from, entry, entryLength, keep);
            entryLength += keep;
            lineKept += keep;
        }
    }

    private boolean isSeparatorLine(boolean withNewline) {
        int expected = SEPARATOR.length + (withNewline ? 1 : 0);
        if (lineLength != expected) {
            return false;
        }
        for (int i = 0; i < SEPARATOR.length; i++) {
            if (lineHead[i] != SEPARATOR[i]) {
                return false;
            }
        }
        return true;
    }

    /** Removes the separator line from the entry, and the newline before it, which is the separator's. */
    private void dropSeparatorNewline() {
        entryLength -= lineKept;
        if (entryLength > 0 && entry[entryLength - 1] == '\n' && !oversized) {
            entryLength--;
        }
        terminated = true;
    }

    private void startLine() {
        lineLength = 0;
        lineKept = 0;
    }

    private void ensureCapacity(int capacity) {
        if (capacity > entry.length) {
            entry = Arrays.copyOf(entry, (int) Math.min(Math.max(capacity, entry.length * 2L), maxEntryBytes));
        }
    }
}
