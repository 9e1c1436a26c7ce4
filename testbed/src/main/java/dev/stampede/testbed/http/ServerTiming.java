package dev.stampede.testbed.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;

/**
 * {@code Server-Timing} entries, one per tier: each tier appends {@code <tier>;dur=<ms>} to whatever
 * its upstream already reported, so the client sees the whole chain, innermost first, e.g. {@code
 * core;dur=8.120, order;dur=9.004, gateway-1;dur=9.870, lb;dur=10.411}.
 */
public final class ServerTiming {

    /** The header name. */
    public static final String HEADER = "Server-Timing";

    private ServerTiming() {}

    /** Appends this tier's entry for {@code durationNanos}. */
    public static void append(HttpHeaders headers, String tier, long durationNanos) {
        String entry = tier + ";dur=" + String.format(Locale.ROOT, "%.3f", durationNanos / 1_000_000.0);
        String existing = headers.get(HEADER);
        headers.set(HEADER, existing == null ? entry : existing + ", " + entry);
    }
}
