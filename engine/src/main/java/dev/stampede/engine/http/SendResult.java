package dev.stampede.engine.http;

/**
 * How one send ended. Every send ends as exactly one of these, once; the lead maps them onto the
 * engine's outcome classes.
 */
public enum SendResult {
    /** A complete response with a status below 400. */
    OK,
    /** A complete response with a status of 400 or above; the status says which class. */
    HTTP_STATUS,
    /**
     * No connection could be opened (refused, unreachable, connect timeout, TLS handshake failed, the
     * server did not agree on {@code h2} by ALPN or sent no HTTP/2 SETTINGS), or all are backing off.
     */
    CONNECT_FAILED,
    /**
     * The connection closed or failed while the request was in flight; for HTTP/2 also a stream above
     * the last stream id of a GOAWAY (the server did not process it).
     */
    CONNECTION_RESET,
    /**
     * The response could not be parsed as HTTP/1.1, or came without a request; for HTTP/2, the server
     * reset the stream or answered without a valid status.
     */
    PROTOCOL_ERROR,
    /** No complete response within the request timeout (or within the grace after a stop). */
    TIMEOUT,
    /** Not sent: as many requests as the in-flight cap allows were already outstanding. */
    UNSENT_INFLIGHT_CAP,
    /** Not sent: the pool was stopping or stopped. */
    UNSENT_STOPPED
}
