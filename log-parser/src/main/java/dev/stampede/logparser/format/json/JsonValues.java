package dev.stampede.logparser.format.json;

import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.ClfTime;
import dev.stampede.logparser.format.IsoTime;
import dev.stampede.logparser.format.ScaledDecimal;
import java.nio.charset.StandardCharsets;

/**
 * Turns the text of mapped JSON values into record values. Loggers disagree on types (nginx's
 * {@code escape=json} writes every number as a string), so numbers are read from their text either way.
 */
final class JsonValues {

    /** Returned for a value that does not parse. */
    static final long INVALID = Long.MIN_VALUE;

    // Epoch numbers without a unit are told apart by magnitude: 1e11 s is the year 5138, while 1e11 ms
    // is 1973-03-03, 1e14 µs 1973-03-03 and 1e17 ns 1973-03-03: logs of this century are unambiguous.
    private static final long SECONDS_BELOW = 100_000_000_000L;
    private static final long MILLIS_BELOW = 100_000_000_000_000L;
    private static final long MICROS_BELOW = 100_000_000_000_000_000L;

    private JsonValues() {}

    /** Whether a value is there: not absent, empty or the loggers' {@code -}. */
    static boolean present(String value) {
        return value != null && !value.isEmpty() && !value.equals("-");
    }

    /**
     * Epoch microseconds of a time: ISO-8601, a CLF time (with or without brackets), or an epoch number in
     * {@code unit} ({@code null}: seconds, milliseconds, microseconds or nanoseconds by magnitude).
     */
    static long timeMicros(String value, Unit unit) {
        if (value.length() >= 10 && value.charAt(4) == '-') {
            return IsoTime.parseMicros(value);
        }
        if (value.length() >= ClfTime.LENGTH) {
            int start = value.charAt(0) == '[' ? 1 : 0;
            if (value.length() == start * 2 + ClfTime.LENGTH) {
                long micros = ClfTime.parseMicros(value, start);
                return micros == ClfTime.INVALID ? INVALID : micros;
            }
        }
        Unit actual = unit != null ? unit : guessEpochUnit(value);
        return actual == null ? INVALID : ScaledDecimal.parse(value, actual.microsScale());
    }

    private static Unit guessEpochUnit(String value) {
        long whole = ScaledDecimal.parse(value, 0);
        if (whole == ScaledDecimal.INVALID) {
            return null;
        }
        long magnitude = Math.abs(whole);
        return magnitude < SECONDS_BELOW
                ? Unit.S
                : magnitude < MILLIS_BELOW ? Unit.MS : magnitude < MICROS_BELOW ? Unit.US : Unit.NS;
    }

    /**
     * Microseconds of a duration in {@code unit} (seconds when {@code null}). A list, as nginx logs one
     * upstream time per attempt ({@code 0.010, 0.020 : 0.005}), is summed; {@code -} and negative
     * entries (loggers' "unknown") are skipped.
     *
     * @return the duration, {@link RequestRecord#UNKNOWN} when no entry is known, or {@link #INVALID}
     */
    static long durationMicros(String value, Unit unit) {
        int scale = unit == null ? Unit.S.microsScale() : unit.microsScale();
        long total = RequestRecord.UNKNOWN;
        int start = 0;
        while (start <= value.length()) {
            int end = start;
            while (end < value.length() && value.charAt(end) != ',' && value.charAt(end) != ':') {
                end++;
            }
            int from = start;
            int to = end;
            while (from < to && value.charAt(from) == ' ') {
                from++;
            }
            while (to > from && value.charAt(to - 1) == ' ') {
                to--;
            }
            if (!(to - from == 1 && value.charAt(from) == '-')) {
                long micros = ScaledDecimal.parse(value, from, to, scale);
                if (micros == ScaledDecimal.INVALID) {
                    return INVALID;
                }
                if (micros >= 0) { // a negative time is a logger's "unknown" (-1), like "-"
                    long sum = (total == RequestRecord.UNKNOWN ? 0 : total) + micros;
                    if (sum < 0) {
                        return INVALID; // overflow: no request takes 292,000 years
                    }
                    total = sum;
                }
            }
            start = end + 1;
        }
        return total;
    }

    /** A non-negative whole number (a byte count), or {@link #INVALID}. */
    static long count(String value) {
        if (value.isEmpty() || value.length() > 18) {
            return INVALID;
        }
        long result = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return INVALID;
            }
            result = result * 10 + (c - '0');
        }
        return result;
    }

    /** A three-digit status, or -1. */
    static int status(String value) {
        long status = value.length() == 3 ? count(value) : INVALID;
        return status >= 100 ? (int) status : -1;
    }

    /** {@code HTTP/1.1} as is; a bare version ({@code 1.1}, Elastic's {@code http.version}) gets the prefix. */
    static String protocol(String value) {
        char first = value.charAt(0);
        return first >= '0' && first <= '9' ? "HTTP/" + value : value;
    }

    /**
     * The bytes of a body. Lines are read as ISO-8859-1 (one char per byte, see {@code Escapes}), so a
     * value's chars are its bytes, unless a {@code \\u} escape made a char above U+00FF: such a value was
     * text, and is sent as UTF-8.
     */
    static byte[] bytes(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0xFF) {
                return value.getBytes(StandardCharsets.UTF_8);
            }
        }
        return value.getBytes(StandardCharsets.ISO_8859_1);
    }
}
