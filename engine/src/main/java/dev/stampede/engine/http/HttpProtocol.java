package dev.stampede.engine.http;

import java.util.Locale;

/** Which HTTP the client speaks to the target; chosen once per run ({@link ClientOptions#protocol()}). */
public enum HttpProtocol {
    /**
     * HTTP/1.1 keep-alive, one request in flight per connection ({@link ConnectionPool}). Over {@code
     * https} the TLS handshake offers only {@code http/1.1} by ALPN.
     */
    HTTP1("http1"),
    /**
     * HTTP/2 over TLS ({@link Http2ConnectionPool}): needs an {@code https} target; the handshake offers
     * only {@code h2} by ALPN and a server that does not agree fails the connect.
     */
    H2("h2"),
    /**
     * HTTP/2 over cleartext with prior knowledge ({@link Http2ConnectionPool}): needs an {@code http}
     * target; the connection starts with the HTTP/2 preface, no upgrade.
     */
    H2C("h2c");

    private final String code;

    HttpProtocol(String code) {
        this.code = code;
    }

    /** The lower-case name used on the command line: {@code http1}, {@code h2} or {@code h2c}. */
    public String code() {
        return code;
    }

    /** Whether this is HTTP/2 (with or without TLS). */
    public boolean isHttp2() {
        return this != HTTP1;
    }

    /**
     * The protocol with this {@link #code()} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid codes
     */
    public static HttpProtocol ofCode(String code) {
        for (HttpProtocol protocol : values()) {
            if (protocol.code.equals(code == null ? null : code.toLowerCase(Locale.ROOT))) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("protocol must be http1, h2 or h2c, got '" + code + "'");
    }
}
