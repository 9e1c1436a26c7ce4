package dev.stampede.logparser.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte array written front to back: the store's varints and strings, encoded without the
 * per-call checks of a general buffer (the parse workers encode every record). Single-threaded.
 */
final class ByteSink {

    private byte[] data;
    private int position;

    ByteSink(int initialCapacity) {
        this.data = new byte[Math.max(16, initialCapacity)];
    }

    int position() {
        return position;
    }

    byte[] array() {
        return data;
    }

    void clear() {
        position = 0;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(data, position);
    }

    void writeByte(int value) {
        ensure(1);
        data[position++] = (byte) value;
    }

    /** An unsigned LEB128 varint: seven bits per byte, low bits first, the high bit set on all but the last. */
    void writeVarLong(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            data[position++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        data[position++] = (byte) v;
    }

    /** A signed value as a zigzag varint (small magnitudes, including -1, take one byte). */
    void writeZigZag(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void write(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, data, position, length);
        position += length;
    }

    /**
     * {@code value} as UTF-8 after its varint byte length. {@code String.getBytes} is used even for short
     * ASCII strings: the JDK checks a compact string for non-ASCII bytes and copies it with vector
     * instructions, faster than a loop over its chars.
     */
    void writeUtf8(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        writeVarLong(bytes.length);
        write(bytes, 0, bytes.length);
    }

    private void ensure(int more) {
        if (position + more > data.length) {
            data = Arrays.copyOf(data, Math.max(position + more, data.length * 2));
        }
    }
}
