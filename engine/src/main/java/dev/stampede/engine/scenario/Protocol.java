package dev.stampede.engine.scenario;

import java.util.Locale;

/** How requests go on the wire. */
public enum Protocol {
    /** HTTP/1.1 keep-alive connections, one request at a time on each ({@code http1}, the default). */
    HTTP1,
    /** HTTP/2 over TLS, negotiated with ALPN; needs an {@code https://} target ({@code h2}). */
    H2,
    /** HTTP/2 without TLS (prior knowledge); needs an {@code http://} target ({@code h2c}). */
    H2C;

    /** The word a scenario file uses: {@code http1}, {@code h2}, {@code h2c}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
