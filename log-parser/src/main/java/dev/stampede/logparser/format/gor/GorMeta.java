package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.Rejection;

/**
 * The meta line that starts every GoReplay entry: {@code <type> <id> <timestamp-ns> [<latency-ns>]}.
 * Fields beyond the third are optional: GoReplay before 1.0 wrote none, later versions write the
 * latency ({@code -1} for requests), and some forks append more (a source address), so a fourth field
 * that is not a number is ignored rather than rejected. Mutable, reused for each entry.
 */
final class GorMeta {

    static final char REQUEST = '1';
    static final char ORIGINAL_RESPONSE = '2';
    static final char REPLAYED_RESPONSE = '3';

    /** Latency when the line has none (GoReplay writes {@code -1} itself for requests). */
    static final long NO_LATENCY = -1;

    private char type;
    private String id;
    private long timestampNs;
    private long latencyNs;

    /**
     * Parses the meta line (without its newline).
     *
     * @return {@code null} when it is one, else why not
     */
    Rejection parse(String line) {
        String[] fields = line.split(" ", -1);
        if (fields.length < 3) {
            return new Rejection(
                    Rejection.Reason.FORMAT_MISMATCH,
                    "meta",
                    0,
                    "the meta line is not '<type> <id> <timestamp-ns>': '" + abbreviate(line) + "'");
        }
        if (fields[0].length() != 1 || fields[0].charAt(0) < '1' || fields[0].charAt(0) > '3') {
            boolean digit = fields[0].length() == 1 && Character.isDigit(fields[0].charAt(0));
            return new Rejection(
                    digit ? Rejection.Reason.UNSUPPORTED : Rejection.Reason.FORMAT_MISMATCH,
                    "type",
                    1,
                    "payload type '" + abbreviate(fields[0]) + "' is not 1 (request), 2 or 3 (responses)");
        }
        if (fields[1].isEmpty()) {
            return new Rejection(Rejection.Reason.FORMAT_MISMATCH, "id", 3, "empty payload id");
        }
        long timestamp = parseLong(fields[2]);
        if (timestamp < 0) {
            return new Rejection(
                    Rejection.Reason.BAD_TIME,
                    "timestamp",
                    fields[1].length() + 4,
                    "'" + abbreviate(fields[2]) + "' is not a timestamp in nanoseconds");
        }
        type = fields[0].charAt(0);
        id = fields[1];
        timestampNs = timestamp;
        latencyNs = fields.length > 3 ? parseLong(fields[3]) : NO_LATENCY;
        return null;
    }

    char type() {
        return type;
    }

    String id() {
        return id;
    }

    long timestampNs() {
        return timestampNs;
    }

    /** The latency field, or {@link #NO_LATENCY} when absent, negative or not a number. */
    long latencyNs() {
        return latencyNs;
    }

    /** A non-negative decimal number that fits a long, or -1. */
    private static long parseLong(String text) {
        if (text.isEmpty() || text.length() > 19) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
