package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.format.RequestHeaders;
import dev.stampede.logparser.format.RequestLine;
import java.util.Arrays;

/**
 * A raw HTTP request from a GoReplay entry onto a record: request line, every header, cookies, the
 * original client from the proxy headers, and the body as raw bytes. Reused for each entry.
 */
final class RequestMessage {

    private final HttpHead head = new HttpHead();

    /**
     * Fills {@code record} from the request at {@code bytes[from, to)}.
     *
     * @param terminated whether a separator ended the entry; when the input ended it instead, a final
     *     newline after a body without Content-Length is the start of a separator cut short
     * @return {@code null} when parsed, else why not
     */
    Rejection parse(byte[] bytes, int from, int to, boolean terminated, RequestRecord record) {
        Rejection why = head.parse(bytes, from, to);
        if (why == null) {
            why = RequestLine.parse(head.startLine(), "request line", record);
        }
        if (why != null) {
            return why;
        }
        for (int i = 0; i < head.size(); i++) {
            RequestHeaders.add(record, head.name(i), head.value(i));
        }
        record.host(head.first("host"));
        String cookie = record.headers().get("cookie");
        if (cookie != null) {
            RequestHeaders.addCookies(record, cookie);
        }
        record.clientAddress(RequestHeaders.clientAddress(record.headers()));
        return body(bytes, head.bodyStart(), to, terminated, record);
    }

    private Rejection body(byte[] bytes, int start, int to, boolean terminated, RequestRecord record) {
        int end = to;
        String length = head.joined("content-length");
        // A chunked body is kept as sent, chunk framing included, so a replay can send it as it was;
        // Transfer-Encoding overrides Content-Length (RFC 9112 6.3).
        if (length != null && head.first("transfer-encoding") == null) {
            long declared = contentLength(length);
            if (declared < 0) {
                return new Rejection(
                        Rejection.Reason.BAD_NUMBER,
                        "content-length",
                        0,
                        "'" + GorMeta.abbreviate(length) + "' is not a length");
            }
            if (declared > to - start) {
                return new Rejection(
                        Rejection.Reason.TRUNCATED,
                        "body",
                        0,
                        "Content-Length is " + declared + " but the entry holds " + (to - start) + " body bytes");
            }
            end = start + (int) declared;
        } else if (!terminated && end > start && bytes[end - 1] == '\n') {
            end--;
        }
        record.body(end > start ? Arrays.copyOfRange(bytes, start, end) : null);
        return null;
    }

    /** A Content-Length value; repeats must agree ({@code 42, 42}, RFC 9110 8.6); -1 when invalid. */
    static long contentLength(String value) {
        long length = -1;
        for (String part : value.split(",", -1)) {
            long parsed = digits(part.strip());
            if (parsed < 0 || (length >= 0 && parsed != length)) {
                return -1;
            }
            length = parsed;
        }
        return length;
    }

    /** A decimal number of 1 to 18 digits (so it cannot overflow), or -1. */
    private static long digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
