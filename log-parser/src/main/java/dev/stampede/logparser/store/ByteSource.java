package dev.stampede.logparser.store;

import java.nio.charset.StandardCharsets;

/** Reads what a {@link ByteSink} wrote, from a byte array. Malformed input throws {@link CorruptStoreException}. */
final class ByteSource {

    private byte[] data = new byte[0];
    private int position;
    private int limit;

    void reset(byte[] bytes, int length) {
        this.data = bytes;
        this.position = 0;
        this.limit = length;
    }

    boolean hasRemaining() {
        return position < limit;
    }

    int readByte() {
        if (position >= limit) {
            throw new CorruptStoreException("an entry ends early");
        }
        return data[position++];
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new CorruptStoreException("a number runs over ten bytes");
    }

    long readZigZag() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    int readLength() {
        long length = readVarLong();
        if (length < 0 || length > limit - position) {
            throw new CorruptStoreException("a length of " + length + " runs past the entry");
        }
        return (int) length;
    }

    String readUtf8() {
        int length = readLength();
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    byte[] readBytes(int length) {
        if (length < 0 || length > limit - position) {
            throw new CorruptStoreException("a length of " + length + " runs past the entry");
        }
        byte[] bytes = new byte[length];
        System.arraycopy(data, position, bytes, 0, length);
        position += length;
        return bytes;
    }
}
