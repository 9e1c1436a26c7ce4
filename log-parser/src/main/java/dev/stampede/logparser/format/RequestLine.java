package dev.stampede.logparser.format;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** The request line, {@code METHOD URI PROTOCOL} (nginx {@code $request}, Apache {@code %r}). */
public final class RequestLine {

    private RequestLine() {}

    /**
     * Splits {@code line} (already unescaped) into method, uri and protocol on {@code record}. HTTP/0.9
     * lines have no protocol. A method must be an HTTP token; the uri must not be empty.
     *
     * @param field the variable's name, for the rejection
     * @return {@code null} when it is a request line, else the rejection
     */
    public static Rejection parse(String line, String field, RequestRecord record) {
        return parse(line, 0, line.length(), field, record);
    }

    /**
     * {@link #parse(String, String, RequestRecord)} of {@code line[start, end)}, without copying it first
     * (the caller has checked it needs no unescaping); columns in rejections count from {@code start}.
     */
    public static Rejection parse(String line, int start, int end, String field, RequestRecord record) {
        int firstSpace = line.indexOf(' ', start);
        if (firstSpace >= end) {
            firstSpace = -1;
        }
        boolean empty = start == end || (end - start == 1 && line.charAt(start) == '-');
        if (empty || firstSpace <= start) {
            return new Rejection(
                    Rejection.Reason.BAD_REQUEST_LINE,
                    field,
                    0,
                    empty
                            ? "empty request line (the client sent no request)"
                            : "no space after the method in '" + abbreviate(line.substring(start, end)) + "'");
        }
        for (int i = start; i < firstSpace; i++) {
            if (!isTokenChar(line.charAt(i))) {
                return new Rejection(
                        Rejection.Reason.BAD_REQUEST_LINE,
                        field,
                        i - start + 1,
                        "'" + abbreviate(line.substring(start, end)) + "' does not start with an HTTP method");
            }
        }
        int lastSpace = line.lastIndexOf(' ', end - 1);
        String uri;
        String protocol = null;
        if (lastSpace > firstSpace && line.startsWith("HTTP/", lastSpace + 1)) {
            uri = line.substring(firstSpace + 1, lastSpace);
            protocol = protocol(line, lastSpace + 1, end);
        } else {
            uri = line.substring(firstSpace + 1, end);
        }
        if (uri.isEmpty()) {
            return new Rejection(Rejection.Reason.BAD_REQUEST_LINE, field, firstSpace - start + 2, "no request target");
        }
        record.method(method(line, start, firstSpace)).uri(uri).protocol(protocol);
        return null;
    }

    /**
     * {@link #parse(String, int, int, String, RequestRecord)} of the ISO-8859-1 bytes {@code
     * data[start, end)}, read in place: strings are made for the target only (and for a method or
     * protocol that is not one of the usual ones).
     *
     * @return true when parsed; false when the String version must decide: the text is not a request line
     *     (it says why), or it ends in a part of {@code HTTP/}, which that version compares with the
     *     text after {@code end}
     */
    public static boolean parse(byte[] data, int start, int end, RequestRecord record) {
        int firstSpace = start;
        while (firstSpace < end && data[firstSpace] != ' ') {
            firstSpace++;
        }
        if (firstSpace == start || firstSpace == end) {
            return false;
        }
        for (int i = start; i < firstSpace; i++) {
            if (!isTokenChar((char) (data[i] & 0xFF))) {
                return false;
            }
        }
        int lastSpace = end - 1;
        while (lastSpace > firstSpace && data[lastSpace] != ' ') {
            lastSpace--;
        }
        int uriEnd = end;
        String protocol = null;
        if (lastSpace > firstSpace) {
            int tail = end - lastSpace - 1;
            int compared = Math.min(tail, HTTP_SLASH.length);
            if (Arrays.equals(data, lastSpace + 1, lastSpace + 1 + compared, HTTP_SLASH, 0, compared)) {
                if (tail < HTTP_SLASH.length) {
                    return false;
                }
                uriEnd = lastSpace;
                protocol = known(PROTOCOLS, PROTOCOL_BYTES, data, lastSpace + 1, end);
            }
        }
        if (uriEnd == firstSpace + 1) {
            return false;
        }
        String uri = new String(data, firstSpace + 1, uriEnd - firstSpace - 1, StandardCharsets.ISO_8859_1);
        record.method(known(METHODS, METHOD_BYTES, data, start, firstSpace))
                .uri(uri)
                .protocol(protocol);
        return true;
    }

    /** The constant among {@code known} whose bytes are {@code data[start, end)}, else a new string. */
    private static String known(String[] known, byte[][] bytes, byte[] data, int start, int end) {
        for (int i = 0; i < bytes.length; i++) {
            if (Arrays.equals(bytes[i], 0, bytes[i].length, data, start, end)) {
                return known[i];
            }
        }
        return new String(data, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** The usual methods as constants: one string less per line. */
    private static String method(String line, int start, int end) {
        for (String known : METHODS) {
            if (known.length() == end - start && line.startsWith(known, start)) {
                return known;
            }
        }
        return line.substring(start, end);
    }

    /** The usual protocols as constants: one string less per line. */
    private static String protocol(String line, int start, int end) {
        for (String known : PROTOCOLS) {
            if (known.length() == end - start && line.startsWith(known, start)) {
                return known;
            }
        }
        return line.substring(start, end);
    }

    private static final String[] PROTOCOLS = {"HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/2"};

    private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"};

    private static final byte[][] PROTOCOL_BYTES = bytes(PROTOCOLS);

    private static final byte[][] METHOD_BYTES = bytes(METHODS);

    private static final byte[] HTTP_SLASH = "HTTP/".getBytes(StandardCharsets.ISO_8859_1);

    private static byte[][] bytes(String[] strings) {
        byte[][] bytes = new byte[strings.length][];
        for (int i = 0; i < strings.length; i++) {
            bytes[i] = strings[i].getBytes(StandardCharsets.ISO_8859_1);
        }
        return bytes;
    }

    /** Whether {@code text[start, end)} is a non-empty HTTP token (RFC 9110 §5.6.2), as a method must be. */
    public static boolean isToken(CharSequence text, int start, int end) {
        return start < end && firstNonToken(text, start, end) < 0;
    }

    /** The index of the first char in {@code text[start, end)} that may not be in a token, or -1. */
    private static int firstNonToken(CharSequence text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!isTokenChar(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code c} may appear in an HTTP token. */
    public static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
