package dev.stampede.engine.source;

import java.nio.charset.StandardCharsets;

/**
 * Trace ids of a run's requests, derived from the run id and the request's number, so a request found
 * in the target's traces leads back to the run and to its entry in the result journal (and the other
 * way round) without a table: the trace id is {@code <64-bit hash of the run id><request number + 1>}
 * in hex, the span id a mix of both. Neither is ever all zeros (W3C forbids it).
 */
public final class TraceIds {

    private final long high;

    /** Trace ids of the run {@code runId}. */
    public TraceIds(String runId) {
        long h = 0xcbf29ce484222325L; // FNV-1a, then a final mix
        for (byte b : runId.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xFF)) * 0x100000001b3L;
        }
        h = mix(h);
        this.high = h == 0 ? 1 : h;
    }

    /** The high 64 bits of every trace id of this run. */
    public long high() {
        return high;
    }

    /** The low 64 bits of the trace id of request {@code requestNumber} (from 0). */
    public long low(long requestNumber) {
        return requestNumber + 1;
    }

    /** The span id of request {@code requestNumber}: never 0. */
    public long span(long requestNumber) {
        long span = mix(high ^ (requestNumber + 1));
        return span == 0 ? 1 : span;
    }

    /** The 32-hex-digit trace id of request {@code requestNumber}. */
    public String traceId(long requestNumber) {
        return hex(high) + hex(low(requestNumber));
    }

    /** The {@code traceparent} header value of request {@code requestNumber} (sampled). */
    public String traceparent(long requestNumber) {
        return "00-" + traceId(requestNumber) + "-" + hex(span(requestNumber)) + "-01";
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }

    private static long mix(long z) { // SplitMix64's finaliser
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
