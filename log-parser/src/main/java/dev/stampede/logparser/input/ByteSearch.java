package dev.stampede.logparser.input;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finding bytes in a byte array eight at a time (a long read from the array, compared in all its bytes
 * at once): splitting a log into lines and a line into values is mostly such scans, and a
 * byte-at-a-time loop was the reader's and the nginx parser's largest cost. Stateless.
 */
public final class ByteSearch {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private ByteSearch() {}

    /** The first index of {@code b} in {@code data[from, to)}, or -1. */
    public static int indexOf(byte[] data, int from, int to, byte b) {
        long pattern = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i) ^ pattern;
            // A zero byte of word is a match; the lowest flagged byte is exact (borrows only run upwards).
            long found = (word - ONES) & ~word & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** The first index of {@code a} or {@code b} in {@code data[from, to)}, or -1. */
    public static int indexOfEither(byte[] data, int from, int to, byte a, byte b) {
        long patternA = (a & 0xFFL) * ONES;
        long patternB = (b & 0xFFL) * ONES;
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(data, i);
            long x = word ^ patternA;
            long y = word ^ patternB;
            long found = ((x - ONES) & ~x | (y - ONES) & ~y) & HIGHS;
            if (found != 0) {
                return i + (Long.numberOfTrailingZeros(found) >>> 3);
            }
        }
        for (; i < to; i++) {
            if (data[i] == a || data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code literal} (non-empty, its first byte already compared) is at {@code data[at...]}. */
    public static boolean matchesAt(byte[] data, int at, byte[] literal) {
        for (int j = 1; j < literal.length; j++) {
            if (data[at + j] != literal[j]) {
                return false;
            }
        }
        return true;
    }
}
