package dev.stampede.engine.journal;

import java.util.Locale;

/**
 * A W3C trace id (16 bytes) as two longs, high half first, printed as 32 lower-case hex digits (the
 * form a tracing system is searched with). All zeros means "no trace id".
 */
public record TraceId(long high, long low) {

    /** No trace id. */
    public static final TraceId NONE = new TraceId(0, 0);

    /**
     * Parses 32 hex digits (either case).
     *
     * @throws IllegalArgumentException for anything else, saying what was expected
     */
    public static TraceId parse(String hex) {
        if (hex == null || hex.length() != 32) {
            throw new IllegalArgumentException("a trace id is 32 hex digits, got '" + hex + "'");
        }
        return new TraceId(parseHalf(hex, 0), parseHalf(hex, 16));
    }

    private static long parseHalf(String hex, int from) {
        long value = 0;
        for (int i = from; i < from + 16; i++) {
            char c = hex.charAt(i);
            int digit = c <= 'f' ? Character.digit(c, 16) : -1; // ASCII only: no full-width digits
            if (digit < 0) {
                throw new IllegalArgumentException("a trace id is 32 hex digits, got '" + hex + "'");
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    /** 32 lower-case hex digits. */
    public static String format(long high, long low) {
        return String.format(Locale.ROOT, "%016x%016x", high, low);
    }

    /** Whether this is a trace id at all (W3C: all zeros is invalid). */
    public boolean present() {
        return high != 0 || low != 0;
    }

    @Override
    public String toString() {
        return format(high, low);
    }
}
