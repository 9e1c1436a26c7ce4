package dev.stampede.logparser.format.apache;

/** Decimal numbers in a line, read without allocating. */
final class Digits {

    /** Returned for text that is not a number. */
    static final long NOT_A_NUMBER = -1;

    /** Longer numbers could overflow a {@code long}; no logged number is that long. */
    private static final int MAX_DIGITS = 18;

    private Digits() {}

    /** The non-negative number that is exactly {@code line[start, end)}, or {@link #NOT_A_NUMBER}. */
    static long parse(String line, int start, int end) {
        if (end <= start || end - start > MAX_DIGITS) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The end of the run of digits (or a lone {@code -}) at {@code start}; {@code start} when there is none. */
    static int naturalEnd(String line, int start, int lineEnd) {
        if (start < lineEnd && line.charAt(start) == '-') {
            return start + 1;
        }
        int i = start;
        while (i < lineEnd && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Whether {@code line[start, end)} is a lone {@code -}, Apache's "no value". */
    static boolean isDash(String line, int start, int end) {
        return end - start == 1 && line.charAt(start) == '-';
    }
}
