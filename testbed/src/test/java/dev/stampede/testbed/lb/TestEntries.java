package dev.stampede.testbed.lb;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/** Access log entries for tests: one fixed, fully known entry and random ones with awkward bytes. */
final class TestEntries {

    /** 2026-11-21T14:42:01.123Z. */
    static final long END_EPOCH_MILLIS = 1_795_272_121_123L;

    /** Characters that nginx must escape or that stress UTF-8 encoding, mixed into random text. */
    private static final String[] AWKWARD = {
        "\"", "\\", "\n", "\t", "\r", "\u0000", "\u007f", " ", "-", "é", "中", "\uD83D\uDE00", "\uD800", "\\x22", "%"
    };

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"};

    private TestEntries() {}

    /**
     * Headers without Netty's validation, so tests can put control characters and non-ASCII text in
     * them the way a sloppy client could put bytes on the wire.
     */
    static HttpHeaders headers(String... namesAndValues) {
        HttpHeaders headers =
                DefaultHttpHeadersFactory.headersFactory().withValidation(false).newHeaders();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return headers;
    }

    /** A POST through the LB with every field the STAMPEDE format logs set to a known value. */
    static AccessLogEntry known() {
        return new Builder().build();
    }

    /** {@link #known()} with other request headers. */
    static AccessLogEntry known(HttpHeaders requestHeaders) {
        return new Builder().requestHeaders(requestHeaders).build();
    }

    /** A builder that starts from {@link #known()}'s values. */
    static Builder entry() {
        return new Builder();
    }

    /** A builder that starts from {@code entry}'s values. */
    static Builder from(AccessLogEntry entry) {
        return new Builder(entry);
    }

    /** A random entry: any field may be absent, empty, huge or full of bytes nginx must escape. */
    static AccessLogEntry random(SplittableRandom rnd) {
        HttpHeaders request = headers();
        maybeAdd(rnd, request, "Host", text(rnd, 12));
        maybeAdd(rnd, request, "User-Agent", text(rnd, 40));
        maybeAdd(rnd, request, "Referer", text(rnd, 30));
        maybeAdd(rnd, request, "X-Stampede-Test", text(rnd, 10));
        maybeAdd(rnd, request, "traceparent", text(rnd, 55));
        maybeAdd(rnd, request, "Cookie", "SESSION=" + text(rnd, 8) + "; other=" + text(rnd, 4));
        HttpHeaders upstream = rnd.nextBoolean() ? null : headers();
        if (upstream != null) {
            maybeAdd(rnd, upstream, "Set-Cookie", "SESSION=" + text(rnd, 8) + "; Path=/; HttpOnly");
        }
        boolean proxied = rnd.nextInt(4) != 0;
        return new AccessLogEntry(
                rnd.nextBoolean() ? ipv4(rnd) : "2001:db8::" + Integer.toHexString(rnd.nextInt(65_536)),
                METHODS[rnd.nextInt(METHODS.length)],
                uri(rnd),
                rnd.nextBoolean() ? "HTTP/1.1" : "HTTP/1.0",
                request,
                body(rnd),
                rnd.nextLong(0, 1L << 40),
                rnd.nextInt(100, 600),
                rnd.nextLong(0, 1L << 40),
                rnd.nextLong(0, 1L << 40),
                rnd.nextLong(0, 100_000_000_000L),
                rnd.nextLong(946_684_800_000L, 4_102_444_800_000L), // 2000 to 2100
                proxied ? "10.0.0." + rnd.nextInt(256) + ":" + rnd.nextInt(1, 65_536) : null,
                proxied ? rnd.nextLong(0, 100_000_000_000L) : -1,
                upstream,
                rnd.nextLong(0, Long.MAX_VALUE));
    }

    /** Random text of up to {@code maxChars} units: letters, digits and the {@link #AWKWARD} ones. */
    static String text(SplittableRandom rnd, int maxChars) {
        int length = rnd.nextInt(maxChars + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (rnd.nextInt(4) == 0) {
                text.append(AWKWARD[rnd.nextInt(AWKWARD.length)]);
            } else {
                text.append((char) rnd.nextInt(0x21, 0x7F));
            }
        }
        return text.toString();
    }

    static byte[] bytes(String ascii) {
        return ascii.getBytes(StandardCharsets.UTF_8);
    }

    private static void maybeAdd(SplittableRandom rnd, HttpHeaders headers, String name, String value) {
        if (rnd.nextInt(5) != 0) {
            headers.add(name, value);
        }
    }

    /** A request target as Netty hands it over: no spaces (they end the target), anything else goes. */
    private static String uri(SplittableRandom rnd) {
        String path = "/" + text(rnd, 20).replace(" ", "%20");
        return rnd.nextBoolean() ? path : path + "?" + text(rnd, 20).replace(" ", "+");
    }

    private static byte[] body(SplittableRandom rnd) {
        byte[] body = new byte[rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 80)];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : rnd.nextInt(0x20, 0x7F));
        }
        return body;
    }

    private static String ipv4(SplittableRandom rnd) {
        return rnd.nextInt(1, 255) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "." + rnd.nextInt(1, 255);
    }

    /** Copies an entry with some components changed, so tests state only what they vary. */
    static final class Builder {
        private String remoteAddress = "127.0.3.7";
        private String method = "POST";
        private String uri = "/api/order?symbol=600519&qty=100";
        private String protocol = "HTTP/1.1";
        private HttpHeaders requestHeaders = headers(
                "Host", "LB.Test:8080",
                "User-Agent", "stampede/0.1 (replay)",
                "Cookie", "theme=dark; SESSION=abc123",
                "X-Stampede-Test", "run-42",
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        private byte[] requestBody = bytes("{\"qty\":100}");
        private long requestLength = 312;
        private int status = 200;
        private long bodyBytesSent = 57;
        private long bytesSent = 213;
        private long requestTimeNanos = 3_456_789L;
        private long endEpochMillis = END_EPOCH_MILLIS;
        private String upstreamAddress = "10.0.0.2:9001";
        private long upstreamResponseTimeNanos = 2_999_999L;
        private HttpHeaders upstreamResponseHeaders =
                headers("Set-Cookie", "other=1; Path=/", "Set-Cookie", "SESSION=srv-77; Path=/; HttpOnly");
        private long connectionSerial = 42;

        private Builder() {}

        private Builder(AccessLogEntry e) {
            remoteAddress = e.remoteAddress();
            method = e.method();
            uri = e.uri();
            protocol = e.protocol();
            requestHeaders = e.requestHeaders();
            requestBody = e.requestBody();
            requestLength = e.requestLength();
            status = e.status();
            bodyBytesSent = e.bodyBytesSent();
            bytesSent = e.bytesSent();
            requestTimeNanos = e.requestTimeNanos();
            endEpochMillis = e.endEpochMillis();
            upstreamAddress = e.upstreamAddress();
            upstreamResponseTimeNanos = e.upstreamResponseTimeNanos();
            upstreamResponseHeaders = e.upstreamResponseHeaders();
            connectionSerial = e.connectionSerial();
        }

        Builder request(String method, String uri, String protocol) {
            this.method = method;
            this.uri = uri;
            this.protocol = protocol;
            return this;
        }

        Builder requestHeaders(HttpHeaders headers) {
            this.requestHeaders = headers;
            return this;
        }

        Builder body(byte[] body) {
            this.requestBody = body;
            return this;
        }

        Builder status(int status) {
            this.status = status;
            return this;
        }

        Builder requestTimeNanos(long nanos) {
            this.requestTimeNanos = nanos;
            return this;
        }

        Builder endEpochMillis(long millis) {
            this.endEpochMillis = millis;
            return this;
        }

        /** The upstream's address, wait time ({@code -1}: none asked) and response headers. */
        Builder upstream(String address, long responseTimeNanos, HttpHeaders responseHeaders) {
            this.upstreamAddress = address;
            this.upstreamResponseTimeNanos = responseTimeNanos;
            this.upstreamResponseHeaders = responseHeaders;
            return this;
        }

        Builder connectionSerial(long serial) {
            this.connectionSerial = serial;
            return this;
        }

        AccessLogEntry build() {
            return new AccessLogEntry(
                    remoteAddress,
                    method,
                    uri,
                    protocol,
                    requestHeaders,
                    requestBody,
                    requestLength,
                    status,
                    bodyBytesSent,
                    bytesSent,
                    requestTimeNanos,
                    endEpochMillis,
                    upstreamAddress,
                    upstreamResponseTimeNanos,
                    upstreamResponseHeaders,
                    connectionSerial);
        }
    }
}
