package dev.stampede.logparser.format.gor;

import dev.stampede.logparser.Rejection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The head of a raw HTTP/1.x message: start line, header fields, and where the body starts. Decoded as
 * ISO-8859-1, one char per byte, so a value keeps exactly the bytes that were sent. Lines end with CRLF
 * or a bare LF (RFC 9112 2.2 lets a recipient accept either). Mutable, reused for each entry.
 */
final class HttpHead {

    private String startLine;
    private final List<String> names = new ArrayList<>();
    private final List<String> values = new ArrayList<>();
    private int bodyStart;

    /**
     * Parses the head at {@code bytes[from, to)}.
     *
     * @return {@code null} when the head is complete and well formed, else why not
     */
    Rejection parse(byte[] bytes, int from, int to) {
        names.clear();
        values.clear();
        int lineEnd = indexOf(bytes, from, to);
        if (lineEnd < 0) {
            return Rejection.of(Rejection.Reason.TRUNCATED, "the entry ends inside the start line");
        }
        startLine = text(bytes, from, lineEnd);
        int lineNumber = 1;
        int position = lineEnd + 1;
        while (true) {
            lineEnd = indexOf(bytes, position, to);
            lineNumber++;
            if (lineEnd < 0) {
                return new Rejection(
                        Rejection.Reason.TRUNCATED, "header", 0, "the headers do not end with a blank line");
            }
            String line = text(bytes, position, lineEnd);
            position = lineEnd + 1;
            if (line.isEmpty()) {
                bodyStart = position;
                return null;
            }
            Rejection why = header(line, lineNumber);
            if (why != null) {
                return why;
            }
        }
    }

    private Rejection header(String line, int lineNumber) {
        char first = line.charAt(0);
        if (first == ' ' || first == '\t') {
            // Obsolete line folding (RFC 9112 5.2): the line continues the previous field's value.
            if (values.isEmpty()) {
                return malformed(line, lineNumber, "a continuation line before any header");
            }
            int last = values.size() - 1;
            values.set(last, values.get(last) + " " + trimWhitespace(line));
            return null;
        }
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return malformed(line, lineNumber, "a header line without a name and a colon");
        }
        for (int i = 0; i < colon; i++) {
            if (!isTokenChar(line.charAt(i))) {
                return malformed(line, lineNumber, "a header name with a character HTTP does not allow");
            }
        }
        names.add(line.substring(0, colon));
        values.add(trimWhitespace(line.substring(colon + 1)));
        return null;
    }

    private static Rejection malformed(String line, int lineNumber, String what) {
        return new Rejection(
                Rejection.Reason.FORMAT_MISMATCH,
                "header",
                0,
                what + " (line " + lineNumber + " of the message): '" + GorMeta.abbreviate(line) + "'");
    }

    /** The start line (request line or status line), without its line end. */
    String startLine() {
        return startLine;
    }

    /** How many header fields, in order. */
    int size() {
        return names.size();
    }

    String name(int index) {
        return names.get(index);
    }

    String value(int index) {
        return values.get(index);
    }

    /** The first value of a header (case-insensitive), or {@code null}. */
    String first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    /** Every value of a header joined with commas (how HTTP combines repeats), or {@code null}. */
    String joined(String name) {
        String joined = null;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                joined = joined == null ? values.get(i) : joined + "," + values.get(i);
            }
        }
        return joined;
    }

    /** Where the body starts: just after the blank line. */
    int bodyStart() {
        return bodyStart;
    }

    /** Index of the next {@code \n} in {@code [from, to)}, or -1. */
    static int indexOf(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** The line {@code [from, newline)} without a trailing CR. */
    private static String text(byte[] bytes, int from, int newline) {
        int end = newline > from && bytes[newline - 1] == '\r' ? newline - 1 : newline;
        return new String(bytes, from, end - from, StandardCharsets.ISO_8859_1);
    }

    /** Strips optional whitespace (SP and HTAB only, RFC 9110 5.6.3) from both ends. */
    private static String trimWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && (value.charAt(start) == ' ' || value.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (value.charAt(end - 1) == ' ' || value.charAt(end - 1) == '\t')) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
