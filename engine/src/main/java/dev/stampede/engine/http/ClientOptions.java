package dev.stampede.engine.http;

/**
 * Options of a {@link RequestSender} ({@link ConnectionPool} for HTTP/1.1, {@link Http2ConnectionPool}
 * for HTTP/2); {@link RequestSenders#open} picks the pool from {@link #protocol()}.
 *
 * @param connectTimeoutNanos how long opening a connection may take before it counts as {@link
 *     SendResult#CONNECT_FAILED}: the TCP connect, the TLS handshake ({@code https}) and, for HTTP/2,
 *     the server's first SETTINGS together; above 0, rounded up to whole milliseconds for the TCP part
 *     (Netty's unit)
 * @param requestTimeoutNanos how long a written request may wait for its complete response before it
 *     ends as {@link SendResult#TIMEOUT} (HTTP/1.1 closes the connection, HTTP/2 resets the stream);
 *     above 0
 * @param maxQueued how many requests may wait for a free connection (HTTP/2: a free stream); a send
 *     beyond the pool's in-flight capacity (HTTP/1.1: one per connection; HTTP/2: the streams each
 *     connection allows) plus {@code maxQueued} outstanding requests ends at once as {@link
 *     SendResult#UNSENT_INFLIGHT_CAP}; 0 or more
 * @param reconnectBackoffNanos the wait before a connection slot tries again after a failed connect;
 *     doubles with each further failure of that slot up to {@code maxReconnectBackoffNanos}, and resets
 *     on success. While every slot waits, sends end at once as {@link SendResult#CONNECT_FAILED}, so a
 *     dead target costs one connect attempt per slot per backoff, not a spin; above 0
 * @param maxReconnectBackoffNanos the longest backoff, at least {@code reconnectBackoffNanos}
 * @param protocol HTTP/1.1, HTTP/2 over TLS or HTTP/2 cleartext; must fit the target ({@link #checkFits})
 * @param tls certificate trust and SNI for {@code https} targets
 * @param maxStreamsPerConnection HTTP/2 only: the most streams this client opens at once on one
 *     connection; the server's {@code SETTINGS_MAX_CONCURRENT_STREAMS} lowers it; at least 1
 */
public record ClientOptions(
        long connectTimeoutNanos,
        long requestTimeoutNanos,
        int maxQueued,
        long reconnectBackoffNanos,
        long maxReconnectBackoffNanos,
        HttpProtocol protocol,
        TlsOptions tls,
        int maxStreamsPerConnection) {

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
        if (protocol == null || tls == null) {
            throw new IllegalArgumentException("protocol and TLS options are required");
        }
        if (maxStreamsPerConnection < 1) {
            throw new IllegalArgumentException(
                    "maxStreamsPerConnection must be at least 1, got " + maxStreamsPerConnection);
        }
    }

    /**
     * Connect timeout 2 s, request timeout 10 s, 65,536 queued, reconnect backoff 10 ms doubling to
     * 1 s, HTTP/1.1, verified TLS, 100 HTTP/2 streams per connection.
     */
    public static ClientOptions defaults() {
        return new ClientOptions(
                2_000 * MS, 10_000 * MS, 65_536, 10 * MS, 1_000 * MS, HttpProtocol.HTTP1, TlsOptions.DEFAULT, 100);
    }

    /**
     * Checks that these options can talk to {@code target}: {@code h2} needs {@code https}, {@code h2c}
     * needs {@code http}, and TLS options other than the defaults need {@code https}.
     *
     * @throws IllegalArgumentException saying what does not fit and what would
     */
    public void checkFits(HttpTarget target) {
        if (protocol == HttpProtocol.H2 && !target.isTls()) {
            throw new IllegalArgumentException("protocol h2 is HTTP/2 over TLS and needs an https:// target; for"
                    + " cleartext HTTP/2 with prior knowledge use h2c");
        }
        if (protocol == HttpProtocol.H2C && target.isTls()) {
            throw new IllegalArgumentException(
                    "protocol h2c is cleartext HTTP/2 and needs an http:// target; over TLS use h2");
        }
        if (!target.isTls() && (tls.insecure() || tls.sniName() != null)) {
            throw new IllegalArgumentException("insecure and SNI are TLS options and need an https:// target");
        }
    }

    /** These options with another request timeout. */
    public ClientOptions withRequestTimeoutNanos(long nanos) {
        return new ClientOptions(
                connectTimeoutNanos,
                nanos,
                maxQueued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                protocol,
                tls,
                maxStreamsPerConnection);
    }

    /** These options with another connect timeout. */
    public ClientOptions withConnectTimeoutNanos(long nanos) {
        return new ClientOptions(
                nanos,
                requestTimeoutNanos,
                maxQueued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                protocol,
                tls,
                maxStreamsPerConnection);
    }

    /** These options with another queue bound. */
    public ClientOptions withMaxQueued(int queued) {
        return new ClientOptions(
                connectTimeoutNanos,
                requestTimeoutNanos,
                queued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                protocol,
                tls,
                maxStreamsPerConnection);
    }

    /** These options with another reconnect backoff range. */
    public ClientOptions withReconnectBackoffNanos(long minNanos, long maxNanos) {
        return new ClientOptions(
                connectTimeoutNanos,
                requestTimeoutNanos,
                maxQueued,
                minNanos,
                maxNanos,
                protocol,
                tls,
                maxStreamsPerConnection);
    }

    /** These options with another protocol. */
    public ClientOptions withProtocol(HttpProtocol other) {
        return new ClientOptions(
                connectTimeoutNanos,
                requestTimeoutNanos,
                maxQueued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                other,
                tls,
                maxStreamsPerConnection);
    }

    /** These options with other TLS options. */
    public ClientOptions withTls(TlsOptions other) {
        return new ClientOptions(
                connectTimeoutNanos,
                requestTimeoutNanos,
                maxQueued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                protocol,
                other,
                maxStreamsPerConnection);
    }

    /** These options with another HTTP/2 stream limit per connection. */
    public ClientOptions withMaxStreamsPerConnection(int streams) {
        return new ClientOptions(
                connectTimeoutNanos,
                requestTimeoutNanos,
                maxQueued,
                reconnectBackoffNanos,
                maxReconnectBackoffNanos,
                protocol,
                tls,
                streams);
    }

    private static void requirePositive(String what, long nanos) {
        if (nanos <= 0) {
            throw new IllegalArgumentException(what + " must be above 0, got " + nanos + " ns");
        }
    }
}
