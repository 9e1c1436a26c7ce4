package dev.stampede.engine.http;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An HTTP/1.x response parser for one client connection: fed every inbound buffer in order, it keeps
 * its state across buffer boundaries and reports each final response's status, body byte count and
 * whether the connection stays open. It reads only the framing: the status line, {@code
 * Content-Length}, {@code Transfer-Encoding: chunked} and {@code Connection}; header names are
 * compared on bytes, case-insensitively. Body bytes are counted and skipped, never kept. Other headers
 * become Strings only when the request asked for them ({@link #expect}'s {@code collectHeaders}: a
 * response listener).
 *
 * <p>Framing: a HEAD request's response and 1xx/204/304 responses have no body; 1xx responses other
 * than 101 are skipped (the final response follows); otherwise chunked (extensions ignored, trailers
 * skipped), then Content-Length, else the body runs until the connection closes ({@link
 * #endAtClose}). Malformed input (status line, chunk size, Content-Length, a header section or chunk
 * line over {@value #MAX_HEADER_BYTES} bytes) is an {@link #ERROR}; so are response bytes while no
 * request is {@linkplain #expect expected} (line breaks and spaces between responses are skipped).
 *
 * <p>Hot path: {@link #expect} and {@link #parse} once per request; neither allocates in steady state
 * (the line buffer grows once to the longest line seen) unless headers are collected.
 * Event-loop-confined; not thread-safe.
 */
final class ResponseParser {

    /** {@link #parse} consumed every readable byte and the response is not complete yet. */
    static final int NEED_MORE = 0;
    /** A final response is complete: see {@link #status()}, {@link #bodyBytes()}, {@link #keepAlive()}. */
    static final int COMPLETE = 1;
    /** Malformed or unexpected input: the connection cannot be trusted any more. */
    static final int ERROR = 2;

    static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final int START = 0;
    private static final int STATUS_LINE = 1;
    private static final int HEADER_LINE = 2;
    private static final int BODY_LENGTH = 3;
    private static final int BODY_UNTIL_CLOSE = 4;
    private static final int CHUNK_SIZE = 5;
    private static final int CHUNK_DATA = 6;
    private static final int CHUNK_END = 7;
    private static final int TRAILER_LINE = 8;
    private static final int FAILED = 9;

    private static final byte[] CONTENT_LENGTH = ascii("content-length");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
    private static final byte[] CONNECTION = ascii("connection");
    private static final byte[] CHUNKED = ascii("chunked");
    private static final byte[] CLOSE = ascii("close");
    private static final byte[] KEEP_ALIVE = ascii("keep-alive");

    private final byte[] scratch = new byte[4096];
    private byte[] line = new byte[256];
    private int lineLength;
    private int sectionBytes;
    private int state = START;

    private boolean expecting;
    private boolean head;
    private boolean collectHeaders;

    private int status;
    private boolean http10;
    private boolean connectionClose;
    private boolean connectionKeepAlive;
    private boolean chunked;
    private long contentLength;
    private long remaining;
    private long bodyBytes;
    private boolean keepAlive;
    private DefaultHttpHeaders headers;

    /** Forgets everything: a fresh connection. */
    void reset() {
        state = START;
        expecting = false;
        lineLength = 0;
        headers = null;
    }

    /** A request was written: the next response answers it. Hot path, no allocation. */
    void expect(boolean headRequest, boolean collectHeaders) {
        expecting = true;
        head = headRequest;
        this.collectHeaders = collectHeaders;
    }

    int status() {
        return status;
    }

    long bodyBytes() {
        return bodyBytes;
    }

    boolean keepAlive() {
        return keepAlive;
    }

    /** The completed response's headers if they were collected, else null; valid until the next parse. */
    HttpHeaders headers() {
        return headers;
    }

    /** Whether the parser is between responses (nothing of a response read yet). */
    boolean idle() {
        return state == START;
    }

    /**
     * The connection closed: true if that completes the response being read (a body delimited by the
     * close), which then reports like {@link #COMPLETE}; false if a response was cut short or none was
     * being read.
     */
    boolean endAtClose() {
        if (state != BODY_UNTIL_CLOSE) {
            return false;
        }
        keepAlive = false;
        finish();
        return true;
    }

    /**
     * Reads from {@code in} (advancing its reader index) until it is empty ({@link #NEED_MORE}), a final
     * response is complete ({@link #COMPLETE}: the bytes after it are left in {@code in}), or the input
     * is malformed ({@link #ERROR}, and every later call too until {@link #reset}). Hot path.
     */
    int parse(ByteBuf in) {
        while (in.isReadable()) {
            int result;
            switch (state) {
                case FAILED:
                    return ERROR;
                case BODY_LENGTH:
                case CHUNK_DATA:
                    result = skipBody(in);
                    break;
                case BODY_UNTIL_CLOSE:
                    bodyBytes += in.readableBytes();
                    in.skipBytes(in.readableBytes());
                    return NEED_MORE;
                default:
                    result = readLines(in);
                    break;
            }
            if (result != NEED_MORE) {
                return result;
            }
        }
        return NEED_MORE;
    }

    private int skipBody(ByteBuf in) {
        int n = (int) Math.min(remaining, in.readableBytes());
        in.skipBytes(n);
        remaining -= n;
        bodyBytes += n;
        if (remaining > 0) {
            return NEED_MORE;
        }
        if (state == CHUNK_DATA) {
            state = CHUNK_END;
            return NEED_MORE;
        }
        return finish();
    }

    /**
     * Reads line-oriented input through the scratch array until the state leaves the line states. Hot
     * path: each line's bytes are found by a scan for the line feed and copied in one go.
     */
    private int readLines(ByteBuf in) {
        int start = in.readerIndex();
        int n = Math.min(in.readableBytes(), scratch.length);
        in.getBytes(start, scratch, 0, n);
        int i = 0;
        int result = NEED_MORE;
        while (i < n) {
            if (state == START) {
                if ((scratch[i] & 0xff) <= ' ') {
                    i++;
                    continue; // line breaks and spaces between responses
                }
                if (!expecting) {
                    result = fail();
                    break;
                }
                beginResponse();
            }
            int feed = i;
            while (feed < n && scratch[feed] != '\n') {
                feed++;
            }
            int length = feed - i;
            if (sectionBytes + length > MAX_HEADER_BYTES) {
                i += MAX_HEADER_BYTES - sectionBytes + 1; // the first byte over the limit
                result = fail();
                break;
            }
            sectionBytes += length;
            while (lineLength + length > line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, MAX_HEADER_BYTES));
            }
            System.arraycopy(scratch, i, line, lineLength, length);
            lineLength += length;
            i = feed;
            if (feed == n) {
                break; // the line goes on in the next read
            }
            i++; // the line feed
            if (++sectionBytes > MAX_HEADER_BYTES) {
                result = fail();
                break;
            }
            int lineEnd = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
            lineLength = 0;
            result = onLine(lineEnd);
            if (result != NEED_MORE || !inLineState()) {
                break;
            }
        }
        in.readerIndex(start + i);
        return result;
    }

    private boolean inLineState() {
        return state != BODY_LENGTH && state != CHUNK_DATA && state != BODY_UNTIL_CLOSE;
    }

    private void beginResponse() {
        state = STATUS_LINE;
        sectionBytes = 0;
        lineLength = 0;
        status = 0;
        bodyBytes = 0;
        connectionClose = false;
        connectionKeepAlive = false;
        chunked = false;
        contentLength = -1;
        headers = null;
    }

    private int onLine(int length) {
        switch (state) {
            case STATUS_LINE:
                return statusLine(length);
            case HEADER_LINE:
                return length == 0 ? endOfHead() : headerLine(length);
            case CHUNK_SIZE:
                return chunkSize(length);
            case CHUNK_END:
                if (length != 0) {
                    return fail();
                }
                state = CHUNK_SIZE;
                sectionBytes = 0;
                return NEED_MORE;
            case TRAILER_LINE:
                return length == 0 ? finish() : NEED_MORE;
            default:
                return fail();
        }
    }

    /** {@code HTTP/1.x NNN[ reason]}. */
    private int statusLine(int length) {
        if (length < 12
                || line[0] != 'H'
                || line[1] != 'T'
                || line[2] != 'T'
                || line[3] != 'P'
                || line[4] != '/'
                || line[5] != '1'
                || line[6] != '.'
                || !digit(line[7])
                || line[8] != ' '
                || !digit(line[9])
                || !digit(line[10])
                || !digit(line[11])
                || (length > 12 && line[12] != ' ')) {
            return fail();
        }
        http10 = line[7] == '0';
        status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
        if (status < 100) {
            return fail();
        }
        if (collectHeaders && !informational()) {
            headers = new DefaultHttpHeaders(false);
        }
        state = HEADER_LINE;
        return NEED_MORE;
    }

    private int headerLine(int length) {
        if (line[0] == ' ' || line[0] == '\t') {
            return NEED_MORE; // obsolete line folding: no framing header is folded in practice
        }
        int colon = 0;
        while (colon < length && line[colon] != ':') {
            colon++;
        }
        if (colon == length || colon == 0) {
            return fail();
        }
        int nameEnd = colon;
        while (nameEnd > 0 && whitespace(line[nameEnd - 1])) {
            nameEnd--;
        }
        int valueStart = colon + 1;
        int valueEnd = length;
        while (valueStart < valueEnd && whitespace(line[valueStart])) {
            valueStart++;
        }
        while (valueEnd > valueStart && whitespace(line[valueEnd - 1])) {
            valueEnd--;
        }
        if (nameIs(CONTENT_LENGTH, nameEnd)) {
            if (!contentLength(valueStart, valueEnd)) {
                return fail();
            }
        } else if (nameIs(TRANSFER_ENCODING, nameEnd)) {
            chunked = lastTokenIs(CHUNKED, valueStart, valueEnd);
        } else if (nameIs(CONNECTION, nameEnd)) {
            connectionClose |= hasToken(CLOSE, valueStart, valueEnd);
            connectionKeepAlive |= hasToken(KEEP_ALIVE, valueStart, valueEnd);
        }
        if (headers != null) {
            headers.add(
                    new String(line, 0, nameEnd, StandardCharsets.ISO_8859_1),
                    new String(line, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1));
        }
        return NEED_MORE;
    }

    private int endOfHead() {
        keepAlive = !connectionClose && (!http10 || connectionKeepAlive);
        if (informational()) {
            state = START; // 100 Continue and friends: the final response follows
            return NEED_MORE;
        }
        if (status == 101) {
            keepAlive = false; // the connection now speaks another protocol
            return finish();
        }
        if (head || status == 204 || status == 304) {
            return finish();
        }
        if (chunked) {
            state = CHUNK_SIZE;
            sectionBytes = 0;
            return NEED_MORE;
        }
        if (contentLength >= 0) {
            if (contentLength == 0) {
                return finish();
            }
            remaining = contentLength;
            state = BODY_LENGTH;
            return NEED_MORE;
        }
        keepAlive = false;
        state = BODY_UNTIL_CLOSE;
        return NEED_MORE;
    }

    private int chunkSize(int length) {
        long size = 0;
        int i = 0;
        while (i < length && whitespace(line[i])) {
            i++;
        }
        int digits = 0;
        for (; i < length; i++) {
            int d = hex(line[i]);
            if (d < 0) {
                break;
            }
            if (++digits > 15) {
                return fail();
            }
            size = size << 4 | d;
        }
        while (i < length && whitespace(line[i])) {
            i++;
        }
        if (digits == 0 || (i < length && line[i] != ';')) {
            return fail();
        }
        if (size == 0) {
            state = TRAILER_LINE;
            sectionBytes = 0;
        } else {
            remaining = size;
            state = CHUNK_DATA;
        }
        return NEED_MORE;
    }

    /** One or more comma-separated decimal values, all equal (a repeated header too). */
    private boolean contentLength(int from, int to) {
        int i = from;
        while (true) {
            while (i < to && whitespace(line[i])) {
                i++;
            }
            long value = 0;
            int digits = 0;
            while (i < to && digit(line[i])) {
                if (++digits > 18) {
                    return false;
                }
                value = value * 10 + (line[i++] - '0');
            }
            while (i < to && whitespace(line[i])) {
                i++;
            }
            if (digits == 0 || (contentLength >= 0 && contentLength != value)) {
                return false;
            }
            contentLength = value;
            if (i == to) {
                return true;
            }
            if (line[i++] != ',') {
                return false;
            }
        }
    }

    private int finish() {
        state = START;
        expecting = false;
        return COMPLETE;
    }

    private int fail() {
        state = FAILED;
        headers = null;
        return ERROR;
    }

    private boolean informational() {
        return status >= 100 && status < 200 && status != 101;
    }

    private boolean nameIs(byte[] lowerName, int length) {
        if (length != lowerName.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (lower(line[i]) != lowerName[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean hasToken(byte[] lowerToken, int from, int to) {
        int i = from;
        while (i < to) {
            int end = i;
            while (end < to && line[end] != ',') {
                end++;
            }
            if (tokenIs(lowerToken, i, end)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    private boolean lastTokenIs(byte[] lowerToken, int from, int to) {
        int start = to;
        while (start > from && line[start - 1] != ',') {
            start--;
        }
        return tokenIs(lowerToken, start, to);
    }

    private boolean tokenIs(byte[] lowerToken, int from, int to) {
        while (from < to && whitespace(line[from])) {
            from++;
        }
        while (to > from && whitespace(line[to - 1])) {
            to--;
        }
        if (to - from != lowerToken.length) {
            return false;
        }
        for (int i = 0; i < lowerToken.length; i++) {
            if (lower(line[from + i]) != lowerToken[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    private static boolean whitespace(byte b) {
        return b == ' ' || b == '\t';
    }

    private static boolean digit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
