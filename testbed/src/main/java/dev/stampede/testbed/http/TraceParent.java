package dev.stampede.testbed.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * W3C trace context ({@code traceparent: 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}). A
 * tier that forwards a request keeps the trace id and flags and puts its own span id as the parent; a
 * request that arrives without a valid header starts a new trace (the spec: an invalid header is
 * ignored as a whole).
 */
public final class TraceParent {

    /** The header name. */
    public static final String HEADER = "traceparent";

    private TraceParent() {}

    /** The trace id of the request's {@code traceparent}, or {@code null} when absent or invalid. */
    public static String traceId(HttpHeaders headers) {
        String[] fields = fields(headers.get(HEADER));
        return fields == null ? null : fields[1];
    }

    /** The {@code traceparent} to send upstream: same trace and flags, new parent span; else a new trace. */
    public static String next(HttpHeaders incoming, RandomGenerator random) {
        String[] fields = fields(incoming.get(HEADER));
        String traceId = fields == null ? hex(random.nextLong()) + hex(random.nextLong() | 1L) : fields[1];
        String flags = fields == null ? "01" : fields[3];
        return "00-" + traceId + "-" + hex(random.nextLong() | 1L) + "-" + flags;
    }

    /**
     * The version, trace id, parent id and flags of a valid header, or {@code null}. Version {@code 00}
     * has exactly these four fields; a later version may append more, which are ignored; {@code ff} is
     * invalid.
     */
    static String[] fields(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.trim().split("-", -1);
        if (parts.length < 4 || !isHex(parts[0], 2) || parts[0].equals("ff")) {
            return null;
        }
        if (parts[0].equals("00") && parts.length != 4) {
            return null;
        }
        boolean valid = isHex(parts[1], 32)
                && !parts[1].equals("0".repeat(32))
                && isHex(parts[2], 16)
                && !parts[2].equals("0".repeat(16))
                && isHex(parts[3], 2);
        return valid ? new String[] {parts[0], parts[1], parts[2], parts[3]} : null;
    }

    private static String hex(long value) {
        return String.format(Locale.ROOT, "%016x", value);
    }

    /** Exactly {@code length} lowercase hex digits, as the spec requires. */
    private static boolean isHex(String text, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }
}
