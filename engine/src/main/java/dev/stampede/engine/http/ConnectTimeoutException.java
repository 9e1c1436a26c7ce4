package dev.stampede.engine.http;

/** A connect (TCP, TLS handshake and, for HTTP/2, the server's SETTINGS) took longer than allowed. */
final class ConnectTimeoutException extends Exception {

    private static final long serialVersionUID = 1L;

    ConnectTimeoutException(long timeoutNanos) {
        super(
                "not ready within the connect timeout of " + (timeoutNanos + 999_999L) / 1_000_000L + " ms",
                null,
                false,
                false);
    }
}
