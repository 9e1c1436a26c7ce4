package dev.stampede.engine.http;

/**
 * Options of a {@link ConnectionPool}.
 *
 * @param connectTimeoutNanos how long opening a connection may take before it counts as {@link
 *     SendResult#CONNECT_FAILED}; above 0, rounded up to whole milliseconds (Netty's unit)
 * @param requestTimeoutNanos how long a written request may wait for its complete response before it
 *     ends as {@link SendResult#TIMEOUT} and its connection is closed; above 0
 * @param maxQueued how many requests may wait for a free connection; a send beyond {@code connections
 *     + maxQueued} outstanding requests ends at once as {@link SendResult#UNSENT_INFLIGHT_CAP}; 0 or more
 * @param reconnectBackoffNanos the wait before a connection slot tries again after a failed connect;
 *     doubles with each further failure of that slot up to {@code maxReconnectBackoffNanos}, and resets
 *     on success. While every slot waits, sends end at once as {@link SendResult#CONNECT_FAILED}, so a
 *     dead target costs one connect attempt per slot per backoff, not a spin; above 0
 * @param maxReconnectBackoffNanos the longest backoff, at least {@code reconnectBackoffNanos}
 */
public record ClientOptions(
        long connectTimeoutNanos,
        long requestTimeoutNanos,
        int maxQueued,
        long reconnectBackoffNanos,
        long maxReconnectBackoffNanos) {

    private static final long MS = 1_000_000L;

    /** Checks the options. */
    public ClientOptions {
        requirePositive("connect timeout", connectTimeoutNanos);
        requirePositive("request timeout", requestTimeoutNanos);
        requirePositive("reconnect backoff", reconnectBackoffNanos);
        if (maxQueued < 0) {
            throw new IllegalArgumentException("maxQueued must be 0 or more, got " + maxQueued);
        }
        if (maxReconnectBackoffNanos < reconnectBackoffNanos) {
            throw new IllegalArgumentException("max reconnect backoff " + maxReconnectBackoffNanos
                    + " ns is below the reconnect backoff " + reconnectBackoffNanos + " ns");
        }
    }

    /**
     * Connect timeout 2 s, request timeout 10 s, 65,536 queued, reconnect backoff 10 ms doubling to
     * 1 s.
     */
    public static ClientOptions defaults() {
        return new ClientOptions(2_000 * MS, 10_000 * MS, 65_536, 10 * MS, 1_000 * MS);
    }

    /** These options with another request timeout. */
    public ClientOptions withRequestTimeoutNanos(long nanos) {
        return new ClientOptions(
                connectTimeoutNanos, nanos, maxQueued, reconnectBackoffNanos, maxReconnectBackoffNanos);
    }

    /** These options with another connect timeout. */
    public ClientOptions withConnectTimeoutNanos(long nanos) {
        return new ClientOptions(
                nanos, requestTimeoutNanos, maxQueued, reconnectBackoffNanos, maxReconnectBackoffNanos);
    }

    /** These options with another queue bound. */
    public ClientOptions withMaxQueued(int queued) {
        return new ClientOptions(
                connectTimeoutNanos, requestTimeoutNanos, queued, reconnectBackoffNanos, maxReconnectBackoffNanos);
    }

    /** These options with another reconnect backoff range. */
    public ClientOptions withReconnectBackoffNanos(long minNanos, long maxNanos) {
        return new ClientOptions(connectTimeoutNanos, requestTimeoutNanos, maxQueued, minNanos, maxNanos);
    }

    private static void requirePositive(String what, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException(what + " must be above 0, got " + nanos + " ns");
        }
    }
}
