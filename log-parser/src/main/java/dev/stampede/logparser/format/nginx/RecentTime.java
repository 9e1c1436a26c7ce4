package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.format.ClfTime;
import java.util.Arrays;

/**
 * The last {@code $time_local} parsed and its value: a busy server logs many lines in one second, and
 * comparing 26 bytes costs less than parsing them. One per parser (thread).
 */
final class RecentTime {

    private final byte[] bytes = new byte[ClfTime.LENGTH];
    private long micros = ClfTime.INVALID;

    /** {@link ClfTime#parseMicros(byte[], int)} of {@code data[start, start + 26)}. */
    long clfMicros(byte[] data, int start) {
        if (micros != ClfTime.INVALID && Arrays.equals(bytes, 0, ClfTime.LENGTH, data, start, start + ClfTime.LENGTH)) {
            return micros;
        }
        long parsed = ClfTime.parseMicros(data, start);
        if (parsed != ClfTime.INVALID) {
            System.arraycopy(data, start, bytes, 0, ClfTime.LENGTH);
            micros = parsed;
        }
        return parsed;
    }
}
