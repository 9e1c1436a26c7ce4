package dev.stampede.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One request, encoded once: request line, headers and body as HTTP/1.1 bytes in a direct buffer that
 * every send shares.
 *
 * <p>{@code Host} is set from the target unless a header gives it; {@code Content-Length} is always
 * computed (given when there is a body or the method is POST, PUT or PATCH) and may not be given.
 * Paths must already be percent-encoded (visible ASCII only). Immutable and safe to share between
 * threads and pools.
 *
 * <p>The bytes live in a JDK direct buffer freed by the garbage collector, so a template needs no
 * release. {@link #retainedBytes()} is on the hot path: it allocates one small duplicate object per
 * send (the index pair Netty needs to write the shared bytes), never the bytes themselves.
 */
public final class RequestTemplate {

    /** Length of a {@code traceparent} value: {@code 00-<32 hex>-<16 hex>-01}. */
    public static final int TRACEPARENT_LENGTH = 55;

    private final String method;
    private final String requestTarget;
    private final boolean head;
    private final ByteBuf bytes;
    private final ResponseListener listener;
    /** Where the {@code traceparent} value starts in the bytes, or -1 when the template has none. */
    private final int traceOffset;

    private RequestTemplate(
            String method, String requestTarget, ByteBuf bytes, ResponseListener listener, int traceOffset) {
        this.method = method;
        this.requestTarget = requestTarget;
        this.head = "HEAD".equals(method);
        this.bytes = bytes;
        this.listener = listener;
        this.traceOffset = traceOffset;
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

    /** The request target on the wire: base path plus path and query. */
    public String requestTarget() {
        return requestTarget;
    }

    boolean isHead() {
        return head;
    }

    /** Who sees the response head of this request, or {@code null} (most requests). */
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
     * (lower-case hex): a copy of the encoded bytes (on the heap, freed by the garbage collector) with
     * the 48 hex digits written in place. One array and two small objects per call; the template itself
     * is untouched. Called once per request when trace marks are on.
     *
     * @throws IllegalStateException when the template was built without {@link
     *     Builder#traceparentPlaceholder()}
     */
    public RequestTemplate withTrace(long traceHigh, long traceLow, long spanId) {
        if (traceOffset < 0) {
            throw new IllegalStateException("this template has no traceparent placeholder");
        }
        byte[] copy = encoded();
        int at = traceOffset + 3; // after "00-"
        at = putHex(copy, at, traceHigh);
        at = putHex(copy, at, traceLow);
        putHex(copy, at + 1, spanId);
        return new RequestTemplate(method, requestTarget, Unpooled.wrappedBuffer(copy), listener, traceOffset);
    }

    private static int putHex(byte[] into, int at, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            into[at++] = HEX[(int) (value >>> shift) & 0xF];
        }
        return at;
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    /** The encoded request, for tests and diagnostics (a copy). */
    public byte[] encoded() {
        byte[] copy = new byte[bytes.readableBytes()];
        bytes.getBytes(bytes.readerIndex(), copy);
        return copy;
    }

    /**
     * The request bytes for one write: a retained duplicate that the channel releases after writing.
     * Hot path: one small object, no copy.
     */
    ByteBuf retainedBytes() {
        return bytes.retainedDuplicate();
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
            if (name == null || name.isEmpty() || !name.chars().allMatch(Builder::isTokenChar)) {
                throw new IllegalArgumentException("bad header name '" + name + "'");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length") || lower.equals("transfer-encoding")) {
                throw new IllegalArgumentException(name + " is computed from the body and cannot be set");
            }
            if (value == null || !value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0xFF && c != 0x7F))) {
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

        /** Lets {@code listener} see the response head of every send of this request. */
        public Builder onResponse(ResponseListener responseListener) {
            this.listener = responseListener;
            return this;
        }

        /**
         * Encodes the request once into a direct buffer: for a template that many sends share (its
         * encoding and the buffer are paid once).
         */
        public RequestTemplate build() {
            byte[] encoded = encode();
            ByteBuffer direct = ByteBuffer.allocateDirect(encoded.length);
            direct.put(encoded).flip();
            // wrappedBuffer over a JDK direct buffer: not pooled, not leak-tracked, freed by the GC; its
            // reference count only guards the shared bytes while writes hold duplicates.
            return new RequestTemplate(
                    method, requestTarget(), Unpooled.wrappedBuffer(direct), listener, traceOffset(encoded));
        }

        /**
         * Encodes a request sent once (a replayed record, a generated request) onto the heap: no direct
         * memory to allocate and free per request; Netty copies it into its pooled direct buffer when it
         * writes.
         */
        public RequestTemplate buildOnce() {
            byte[] encoded = encode();
            return new RequestTemplate(
                    method, requestTarget(), Unpooled.wrappedBuffer(encoded), listener, traceOffset(encoded));
        }

        private String requestTarget() {
            return target.basePath() + pathAndQuery;
        }

        private int traceOffset(byte[] encoded) {
            if (!traceparent) {
                return -1;
            }
            byte[] name = "\r\ntraceparent: ".getBytes(StandardCharsets.ISO_8859_1);
            outer:
            for (int i = 0; i + name.length <= encoded.length; i++) {
                for (int j = 0; j < name.length; j++) {
                    if (encoded[i + j] != name[j]) {
                        continue outer;
                    }
                }
                return i + name.length;
            }
            throw new IllegalStateException("traceparent placeholder not found");
        }

        private byte[] encode() {
            StringBuilder head = new StringBuilder(128);
            head.append(method).append(' ').append(requestTarget()).append(" HTTP/1.1\r\n");
            boolean hostGiven = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("host"));
            if (!hostGiven) {
                head.append("Host: ").append(target.authority()).append("\r\n");
            }
            for (String[] h : headers) {
                if (traceparent && h[0].equalsIgnoreCase("traceparent")) {
                    continue;
                }
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            if (traceparent) {
                head.append("traceparent: 00-")
                        .append("0".repeat(32))
                        .append('-')
                        .append("0".repeat(16))
                        .append("-01\r\n");
            }
            boolean bodyMethod = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            if (body != null || bodyMethod) {
                head.append("Content-Length: ")
                        .append(body == null ? 0 : body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            if (body == null) {
                return headBytes;
            }
            byte[] all = java.util.Arrays.copyOf(headBytes, headBytes.length + body.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            return all;
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
