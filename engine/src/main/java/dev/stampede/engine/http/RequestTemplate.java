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

    private final String method;
    private final String requestTarget;
    private final boolean head;
    private final ByteBuf bytes;

    private RequestTemplate(String method, String requestTarget, ByteBuf bytes) {
        this.method = method;
        this.requestTarget = requestTarget;
        this.head = "HEAD".equals(method);
        this.bytes = bytes;
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

        /** Encodes the request once. */
        public RequestTemplate build() {
            String requestTarget = target.basePath() + pathAndQuery;
            StringBuilder head = new StringBuilder(128);
            head.append(method).append(' ').append(requestTarget).append(" HTTP/1.1\r\n");
            boolean hostGiven = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("host"));
            if (!hostGiven) {
                head.append("Host: ").append(target.authority()).append("\r\n");
            }
            for (String[] h : headers) {
                head.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            boolean bodyMethod = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
            if (body != null || bodyMethod) {
                head.append("Content-Length: ")
                        .append(body == null ? 0 : body.length)
                        .append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            int length = headBytes.length + (body == null ? 0 : body.length);
            ByteBuffer direct = ByteBuffer.allocateDirect(length);
            direct.put(headBytes);
            if (body != null) {
                direct.put(body);
            }
            direct.flip();
            // wrappedBuffer over a JDK direct buffer: not pooled, not leak-tracked, freed by the GC; its
            // reference count only guards the shared bytes while writes hold duplicates.
            return new RequestTemplate(method, requestTarget, Unpooled.wrappedBuffer(direct));
        }

        private static boolean isTokenChar(int c) {
            return c > 0x20 && c < 0x7F && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0;
        }
    }
}
