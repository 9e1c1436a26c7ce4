package dev.stampede.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.ReadOnlyHttp2Headers;
import io.netty.util.AsciiString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One request, encoded once: request line, headers and body as HTTP/1.1 bytes in a direct buffer that
 * every send shares, and the same request as an HTTP/2 header block (pseudo-headers first) built once.
 *
 * <p>{@code Host} is set from the target unless a header gives it; {@code Content-Length} is always
 * computed (given when there is a body or the method is POST, PUT or PATCH) and may not be given.
 * Paths must already be percent-encoded (visible ASCII only). Immutable and safe to share between
 * threads and pools.
 *
 * <p>HTTP/2 header block: {@code :method}, {@code :scheme} (the target's), {@code :path} (the request
 * target) and {@code :authority} (the {@code Host} header if given, else the target's authority), then
 * the headers with lower-case names, without {@code Host} and the connection-specific fields HTTP/2
 * forbids ({@code Connection}, {@code Keep-Alive}, {@code Proxy-Connection}, {@code Upgrade}, and
 * {@code TE} unless it is {@code trailers}), then {@code content-length} as for HTTP/1.1.
 *
 * <p>The bytes live in a JDK direct buffer freed by the garbage collector, so a template needs no
 * release. {@link #retainedBytes()} and {@link #retainedBody()} are on the hot path: each allocates one
 * small derived-buffer object per send (the index pair Netty needs to write the shared bytes), never the
 * bytes themselves. A per-request copy with its own trace ({@link #withTrace}) shares the template's
 * bytes too: its bytes are made only for its write, in one pooled direct buffer the channel releases
 * (one copy, no heap array for Netty to copy again). {@link #http2Headers()} allocates nothing for a
 * shared template (a traced copy builds its header block once, when an HTTP/2 pool first asks).
 */
public final class RequestTemplate {

    private static final Set<String> NOT_IN_HTTP2 =
            Set.of("host", "connection", "keep-alive", "proxy-connection", "upgrade");

    /** Length of a {@code traceparent} value: {@code 00-<32 hex>-<16 hex>-01}. */
    public static final int TRACEPARENT_LENGTH = 55;

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACEPARENT_PLACEHOLDER = "00-" + "0".repeat(32) + "-" + "0".repeat(16) + "-01";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private final String method;
    private final String scheme;
    private final String requestTarget;
    private final String authority;
    private final String[] headerNames;
    /** The values as built: a per-request copy shares them, its traceparent read from its bytes. */
    private final String[] headerValues;
    /** Whether this is a per-request copy whose traceparent differs from {@link #headerValues} and the bytes. */
    private final boolean traced;
    /** A traced copy's span id (its trace id is {@link #traceHigh}, {@link #traceLow}). */
    private final long spanId;

    private final boolean head;
    private final ByteBuf bytes;
    private final int bodyOffset;
    private final int bodyLength;
    private final boolean contentLength;
    /** Built with the template; for a per-request copy ({@link #withTrace}) on first use only. */
    private Http2Headers http2Headers;

    private final ResponseListener listener;
    /** Where the {@code traceparent} value starts in the bytes, or -1 when the template has none. */
    private final int traceOffset;

    private final long traceHigh;
    private final long traceLow;

    private RequestTemplate(Builder b, String requestTarget, String authority, ByteBuf bytes, int bodyOffset) {
        this.method = b.method;
        this.scheme = b.target.scheme();
        this.requestTarget = requestTarget;
        this.authority = authority;
        this.headerNames = new String[b.headers.size()];
        this.headerValues = new String[b.headers.size()];
        this.traced = false;
        this.spanId = 0;
        for (int i = 0; i < headerNames.length; i++) {
            headerNames[i] = b.headers.get(i)[0];
            headerValues[i] = b.headers.get(i)[1];
        }
        this.head = "HEAD".equals(method);
        this.bytes = bytes;
        this.bodyOffset = bodyOffset;
        this.bodyLength = bytes.readableBytes() - bodyOffset;
        this.contentLength = b.sendsContentLength();
        this.http2Headers = buildHttp2Headers(contentLength);
        this.listener = b.listener;
        this.traceOffset = b.traceparent ? traceOffset(bytes, bodyOffset) : -1;
        this.traceHigh = b.traceHigh;
        this.traceLow = b.traceLow;
    }

    /** {@code shared} with one request's trace: same bytes, its traceparent written into them at each write. */
    private RequestTemplate(RequestTemplate shared, long traceHigh, long traceLow, long spanId) {
        this.method = shared.method;
        this.scheme = shared.scheme;
        this.requestTarget = shared.requestTarget;
        this.authority = shared.authority;
        this.headerNames = shared.headerNames;
        this.headerValues = shared.headerValues;
        this.traced = true;
        this.spanId = spanId;
        this.head = shared.head;
        this.bytes = shared.bytes;
        this.bodyOffset = shared.bodyOffset;
        this.bodyLength = shared.bodyLength;
        this.contentLength = shared.contentLength;
        this.http2Headers = null; // HTTP/1.1 never needs it: built by the HTTP/2 pool's first call
        this.listener = shared.listener;
        this.traceOffset = shared.traceOffset;
        this.traceHigh = traceHigh;
        this.traceLow = traceLow;
    }

    /** The high 64 bits of this request's trace id; 0 with {@link #traceLow()} when it has none. */
    public long traceHigh() {
        return traceHigh;
    }

    /** The low 64 bits of this request's trace id; 0 with {@link #traceHigh()} when it has none. */
    public long traceLow() {
        return traceLow;
    }

    private static int traceOffset(ByteBuf bytes, int headLength) {
        byte[] head = new byte[headLength];
        bytes.getBytes(bytes.readerIndex(), head);
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n" + TRACEPARENT + ": ");
        if (at < 0) {
            throw new IllegalStateException("traceparent placeholder not found");
        }
        return at + TRACEPARENT.length() + 4;
    }

    /** Who sees the response head and the end of this request, or {@code null} (most requests). */
    ResponseListener listener() {
        return listener;
    }

    /** The response listener, for tests of sources that set one; {@code null} when none. */
    public ResponseListener listenerForTest() {
        return listener;
    }

    /** Whether the template carries a {@code traceparent} placeholder that {@link #withTrace} fills. */
    public boolean hasTraceparent() {
        return traceOffset >= 0;
    }

    /**
     * This request with its {@code traceparent} set to {@code 00-<traceHigh><traceLow>-<spanId>-01}
     * (lower-case hex), in its bytes and in its HTTP/2 header block. Called once per request when trace
     * marks are on; one small object: the bytes are the template's, the trace is written into the
     * write's own buffer ({@link #retainedBytes()}). The template itself is untouched.
     *
     * @throws IllegalStateException when the template was built without {@link
     *     Builder#traceparentPlaceholder()}
     */
    public RequestTemplate withTrace(long traceHigh, long traceLow, long spanId) {
        if (traceOffset < 0) {
            throw new IllegalStateException("this template has no traceparent placeholder");
        }
        return new RequestTemplate(this, traceHigh, traceLow, spanId);
    }

    /** Writes this copy's trace id and span id over the placeholder's digits at {@code at} in {@code into}. */
    private void putTrace(byte[] into, int at) {
        at = putHex(into, at + 3, traceHigh); // after "00-"
        at = putHex(into, at, traceLow);
        putHex(into, at + 1, spanId);
    }

    /** The same as {@link #putTrace(byte[], int)} into a buffer, at absolute index {@code at}. */
    private void putTrace(ByteBuf into, int at) {
        at = putHex(into, at + 3, traceHigh);
        at = putHex(into, at, traceLow);
        putHex(into, at + 1, spanId);
    }

    /** 16 hex digits as two big-endian 8-byte writes: a buffer's per-write checks, 2 times, not 16. */
    private static int putHex(ByteBuf into, int at, long value) {
        into.setLong(at, hexDigits(value >>> 32));
        into.setLong(at + 8, hexDigits(value));
        return at + 16;
    }

    /** The 8 lower-case hex digits of the low 32 bits of {@code value}, the first in the highest byte. */
    private static long hexDigits(long value) {
        long digits = 0;
        for (int shift = 28; shift >= 0; shift -= 4) {
            digits = digits << 8 | HEX[(int) (value >>> shift) & 0xF];
        }
        return digits;
    }

    private static int putHex(byte[] into, int at, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            into[at++] = HEX[(int) (value >>> shift) & 0xF];
        }
        return at;
    }

    /** Whether {@code value} may be sent as a header value: tab and visible ISO-8859-1 chars, no controls. */
    public static boolean isFieldValue(String value) {
        return value != null && value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0xFF && c != 0x7F));
    }

    /** Whether {@code name} is a valid header (or cookie) name: a non-empty HTTP token. */
    public static boolean isToken(String name) {
        return name != null && !name.isEmpty() && name.chars().allMatch(Builder::isTokenChar);
    }

    /** A {@code GET} of {@code pathAndQuery} (below the target's base path) without extra headers. */
    public static RequestTemplate get(HttpTarget target, String pathAndQuery) {
        return builder(target, "GET", pathAndQuery).build();
    }

    /** Starts a template for {@code method} (upper-case token) and {@code pathAndQuery} (starts with /). */
    public static Builder builder(HttpTarget target, String method, String pathAndQuery) {
        return new Builder(target, method, pathAndQuery);
    }

    /** The method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The request target on the wire: base path plus path and query (HTTP/2's {@code :path}). */
    public String requestTarget() {
        return requestTarget;
    }

    /** {@code http} or {@code https}, from the target (HTTP/2's {@code :scheme}). */
    public String scheme() {
        return scheme;
    }

    /** The {@code Host} header given, else the target's authority (HTTP/2's {@code :authority}). */
    public String authority() {
        return authority;
    }

    /** How many headers were given (the computed {@code Host} and {@code Content-Length} not counted). */
    public int headerCount() {
        return headerNames.length;
    }

    /** The name of given header {@code index}, as given. */
    public String headerName(int index) {
        return headerNames[index];
    }

    /** The value of given header {@code index}. */
    public String headerValue(int index) {
        if (traced && headerNames[index].equals(TRACEPARENT)) { // this request's
            byte[] value = TRACEPARENT_PLACEHOLDER.getBytes(StandardCharsets.ISO_8859_1);
            putTrace(value, 0);
            return new String(value, StandardCharsets.ISO_8859_1);
        }
        return headerValues[index];
    }

    /** The body (a copy), empty for none. */
    public byte[] body() {
        byte[] copy = new byte[bodyLength];
        bytes.getBytes(bytes.readerIndex() + bodyOffset, copy);
        return copy;
    }

    boolean isHead() {
        return head;
    }

    boolean hasBody() {
        return bodyLength > 0;
    }

    /** The HTTP/2 header block, built once; read-only, shared by every send. Hot path: no allocation. */
    Http2Headers http2Headers() {
        Http2Headers headers = http2Headers;
        if (headers == null) { // a per-request copy, used by one send on one event loop
            headers = buildHttp2Headers(contentLength);
            http2Headers = headers;
        }
        return headers;
    }

    /**
     * The body for one HTTP/2 DATA write: a retained slice of the shared bytes that the channel releases.
     * Hot path: one small object, no copy; only for templates {@link #hasBody() with a body}.
     */
    ByteBuf retainedBody() {
        return bytes.retainedSlice(bytes.readerIndex() + bodyOffset, bodyLength);
    }

    private Http2Headers buildHttp2Headers(boolean contentLength) {
        List<AsciiString> others = new ArrayList<>();
        for (int i = 0; i < headerNames.length; i++) {
            String name = headerNames[i].toLowerCase(Locale.ROOT);
            String value = headerValue(i);
            boolean trailersTe = name.equals("te") && value.equalsIgnoreCase("trailers");
            if (NOT_IN_HTTP2.contains(name) || (name.equals("te") && !trailersTe)) {
                continue;
            }
            others.add(AsciiString.of(name));
            others.add(AsciiString.of(value));
        }
        if (contentLength) {
            others.add(AsciiString.of("content-length"));
            others.add(AsciiString.of(Integer.toString(bodyLength)));
        }
        return ReadOnlyHttp2Headers.clientHeaders(
                true,
                AsciiString.of(method),
                AsciiString.of(requestTarget),
                AsciiString.of(scheme),
                AsciiString.of(authority),
                others.toArray(new AsciiString[0]));
    }

    /** The encoded request, for tests and diagnostics (a copy). */
    public byte[] encoded() {
        byte[] copy = new byte[bytes.readableBytes()];
        bytes.getBytes(bytes.readerIndex(), copy);
        if (traced) {
            putTrace(copy, traceOffset);
        }
        return copy;
    }

    /**
     * The request bytes for one write, which the channel releases after writing. Hot path: a retained
     * duplicate of the shared bytes (one small object, no copy); for a traced copy, one pooled direct
     * buffer holding the bytes with its trace written in (one copy).
     */
    ByteBuf retainedBytes() {
        if (!traced) {
            return bytes.retainedDuplicate();
        }
        int length = bytes.readableBytes();
        ByteBuf out = ByteBufAllocator.DEFAULT.directBuffer(length, length);
        out.writeBytes(bytes, bytes.readerIndex(), length);
        putTrace(out, out.readerIndex() + traceOffset);
        return out;
    }

    /** The reference count of the shared bytes (stays 1 when every write released its duplicate). */
    int sharedRefCnt() {
        return bytes.refCnt();
    }

    /** Builds a {@link RequestTemplate}; not thread-safe. */
    public static final class Builder {
        private final HttpTarget target;
        private final String method;
        private final String pathAndQuery;
        private final List<String[]> headers = new ArrayList<>();
        private byte[] body;
        private ResponseListener listener;
        private boolean traceparent;
        private long traceHigh;
        private long traceLow;

        private Builder(HttpTarget target, String method, String pathAndQuery) {
            if (target == null) {
                throw new IllegalArgumentException("no target");
            }
            if (method == null || method.isEmpty() || !method.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
                throw new IllegalArgumentException("method must be an upper-case token, got '" + method + "'");
            }
            if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', got '" + pathAndQuery + "'");
            }
            if (!pathAndQuery.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                throw new IllegalArgumentException(
                        "path must be percent-encoded visible ASCII, got '" + pathAndQuery + "'");
            }
            this.target = target;
            this.method = method;
            this.pathAndQuery = pathAndQuery;
        }

        /**
         * Adds a header (names are sent as given). {@code Host} replaces the target's; {@code
         * Content-Length} and {@code Transfer-Encoding} are refused (the length is computed).
         */
        public Builder header(String name, String value) {
            if (!isToken(name)) {
                throw new IllegalArgumentException("bad header name '" + name + "'");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new IllegalArgumentException(name + " is computed from the body and cannot be set");
            }
            if (!isFieldValue(value)) {
                throw new IllegalArgumentException("bad value for header " + name + ": '" + value + "'");
            }
            headers.add(new String[] {name, value});
            return this;
        }

        /** Sets the body (copied); {@code null} for none. */
        public Builder body(byte[] content) {
            this.body = content == null ? null : content.clone();
            return this;
        }

        /**
         * Adds a {@code traceparent} header with an all-zero trace and span id, to be filled per
         * request by {@link RequestTemplate#withTrace}. A {@code traceparent} given with {@link #header}
         * is dropped: the run's own trace context replaces the recorded one.
         */
        public Builder traceparentPlaceholder() {
            this.traceparent = true;
            return this;
        }

        /**
         * Adds this request's {@code traceparent} ({@code 00-<traceHigh><traceLow>-<spanId>-01}, lower-case
         * hex) and remembers its trace id ({@link RequestTemplate#traceLow()}), for a request built once.
         */
        public Builder trace(long high, long low, long spanId) {
            headers.removeIf(h -> h[0].equalsIgnoreCase(TRACEPARENT));
            headers.add(new String[] {TRACEPARENT, "00-" + hex(high) + hex(low) + "-" + hex(spanId) + "-01"});
            this.traceHigh = high;
            this.traceLow = low;
            return this;
        }

        private static String hex(long value) {
            String digits = Long.toHexString(value);
            return "0".repeat(16 - digits.length()) + digits;
        }

        /** Lets {@code listener} see the response head and the end of every send of this request. */
        public Builder onResponse(ResponseListener responseListener) {
            this.listener = responseListener;
            return this;
        }

        /**
         * Encodes a request sent once (a replayed record, a generated request) onto the heap: no direct
         * memory to allocate and free per request; Netty copies it into its pooled direct buffer when it
         * writes.
         */
        public RequestTemplate buildOnce() {
            return build(false);
        }

        /**
         * Encodes the request once into a direct buffer: for a template that many sends share (its
         * encoding and the buffer are paid once).
         */
        public RequestTemplate build() {
            return build(true);
        }

        private RequestTemplate build(boolean direct) {
            if (traceparent) {
                headers.removeIf(h -> h[0].equalsIgnoreCase(TRACEPARENT));
                headers.add(new String[] {TRACEPARENT, TRACEPARENT_PLACEHOLDER});
            }
            String requestTarget = target.basePath() + pathAndQuery;
            StringBuilder head = new StringBuilder(128);
            head.append(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n");
            String authority = target.authority();
            boolean hostGiven = false;
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase("host")) {
                    authority = h[1];
                    hostGiven = true;
                }
            }
            if (!hostGiven) {
                head.append("Host: ").append(authority).append("\r\n");
            }
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (sendsContentLength()) {
                head.append("Content-Length: ")
                        .append(body == null ? 0 : body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            int length = headBytes.length + (body == null ? 0 : body.length);
            if (!direct) {
                byte[] all = java.util.Arrays.copyOf(headBytes, length);
                if (body != null) {
                    System.arraycopy(body, 0, all, headBytes.length, body.length);
                }
                return new RequestTemplate(
                        this, requestTarget, authority, Unpooled.wrappedBuffer(all), headBytes.length);
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(length);
            buffer.put(headBytes);
            if (body != null) {
                buffer.put(body);
            }
            buffer.flip();
            // wrappedBuffer over a JDK direct buffer: not pooled, not leak-tracked, freed by the GC; its
            // reference count only guards the shared bytes while writes hold duplicates.
            return new RequestTemplate(
                    this, requestTarget, authority, Unpooled.wrappedBuffer(buffer), headBytes.length);
        }

        private boolean sendsContentLength() {
            boolean bodyMethod = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            return body != null || bodyMethod;
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
