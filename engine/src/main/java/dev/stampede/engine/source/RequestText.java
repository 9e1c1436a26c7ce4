package dev.stampede.engine.source;

import java.nio.charset.StandardCharsets;

/**
 * Puts values into request text: percent-encoding for the request target and JSON for bodies. Pool
 * values are raw as logged (their percent-encoding kept), so only what cannot stand in a request target
 * is escaped: spaces, control and non-ASCII characters (as UTF-8), and the delimiters that would change
 * its structure ({@code #} everywhere, {@code ?} in a path, {@code &} in a query value). A value with
 * nothing to escape is returned as it is, without allocating.
 */
final class RequestText {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RequestText() {}

    /** A path slot's value. */
    static String path(String value) {
        return escape(value, "#?");
    }

    /** A query parameter's value. */
    static String queryValue(String value) {
        return escape(value, "#&");
    }

    /** A whole query string. */
    static String query(String value) {
        return escape(value, "#");
    }

    /** A decoded query parameter name, percent-encoded: everything but {@code A-Z a-z 0-9 - . _ ~}. */
    static String queryName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static String escape(String value, String delimiters) {
        int i = 0;
        while (i < value.length() && safe(value.charAt(i), delimiters)) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length() + 16).append(value, 0, i);
        for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (safe((char) c, delimiters)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean safe(char c, String delimiters) {
        return c > 0x20 && c < 0x7F && delimiters.indexOf(c) < 0;
    }

    /** Appends {@code value} as the inside of a JSON string (no quotes). */
    static void appendJsonString(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }

    /** Whether {@code value} is a JSON number, {@code true}, {@code false} or {@code null}. */
    static boolean isJsonLiteral(String value) {
        if (value.equals("true") || value.equals("false") || value.equals("null")) {
            return true;
        }
        int i = 0;
        int n = value.length();
        if (i < n && value.charAt(i) == '-') {
            i++;
        }
        int digits = digits(value, i);
        if (digits == 0 || (digits > 1 && value.charAt(i) == '0')) {
            return false;
        }
        i += digits;
        if (i < n && value.charAt(i) == '.') {
            int fraction = digits(value, i + 1);
            if (fraction == 0) {
                return false;
            }
            i += 1 + fraction;
        }
        if (i < n && (value.charAt(i) == 'e' || value.charAt(i) == 'E')) {
            i++;
            if (i < n && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
                i++;
            }
            int exponent = digits(value, i);
            if (exponent == 0) {
                return false;
            }
            i += exponent;
        }
        return i == n;
    }

    private static int digits(String value, int from) {
        int i = from;
        while (i < value.length() && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i - from;
    }
}
