package dev.stampede.engine.http;

/**
 * A connection slot's wait after failed connects: doubling from the minimum to the maximum, reset by a
 * successful connect. Event-loop-confined.
 */
final class ReconnectBackoff {

    private long untilNanos;
    private long nextNanos;

    /** Whether the slot may try again at {@code nowNanos}. */
    boolean mayTry(long nowNanos) {
        return nowNanos - untilNanos >= 0;
    }

    void reset() {
        nextNanos = 0;
    }

    void failed(long nowNanos, long minNanos, long maxNanos) {
        nextNanos = nextNanos == 0 ? minNanos : Math.min(maxNanos, nextNanos * 2);
        untilNanos = nowNanos + nextNanos;
    }
}
