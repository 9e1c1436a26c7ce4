package dev.stampede.testbed.lb;

/**
 * nginx's {@code escape=default} for variable values, and the number layouts nginx logs. A byte is
 * written as is when it is printable ASCII other than {@code "} and {@code \}; anything else (the
 * quote, the backslash, bytes below 0x20, DEL and every byte of 0x80 and above) becomes {@code \xHH}
 * with uppercase hex, so a reader can split on quotes and undo the escaping byte for byte. An unset or
 * empty value is written as {@code -}, like nginx.
 *
 * <p>Strings come from Netty, which decodes header and request-line bytes as ISO-8859-1: one char per
 * wire byte. So a char up to 0xFF is logged as that very byte, exactly what nginx logs for the same
 * request; only a char above 0xFF (which cannot have come off the wire) is written as its UTF-8 bytes.
 * Done by hand so that nothing is allocated per value. This is the one place that decides how a Java
 * {@code String} maps to logged bytes.
 */
final class NginxEscaper {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private NginxEscaper() {}

    /** Appends {@code value} escaped, or {@code -} when it is null or empty. */
    static void appendText(String value, StringBuilder out) {
        if (value == null) {
            out.append('-');
        } else {
            appendText(value, 0, value.length(), out);
        }
    }

    /** Appends {@code value[from, to)} escaped, or {@code -} when that range is empty. */
    static void appendText(CharSequence value, int from, int to, StringBuilder out) {
        if (from >= to) {
            out.append('-');
        } else {
            appendEscaped(value, from, to, out);
        }
    }

    /** Appends the bytes escaped, or {@code -} when there are none. */
    static void appendBytes(byte[] value, StringBuilder out) {
        if (value == null || value.length == 0) {
            out.append('-');
            return;
        }
        for (byte b : value) {
            appendByte(b & 0xFF, out);
        }
    }

    /** Appends {@code value[from, to)} escaped, writing nothing for an empty range. */
    static void appendEscaped(CharSequence value, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c <= 0xFF) {
                appendByte(c, out);
            } else if (c < 0x800) {
                appendHex(0xC0 | (c >> 6), out);
                appendHex(0x80 | (c & 0x3F), out);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(value.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, value.charAt(++i));
                appendHex(0xF0 | (codePoint >> 18), out);
                appendHex(0x80 | ((codePoint >> 12) & 0x3F), out);
                appendHex(0x80 | ((codePoint >> 6) & 0x3F), out);
                appendHex(0x80 | (codePoint & 0x3F), out);
            } else if (Character.isSurrogate(c)) {
                // A lone surrogate has no UTF-8 form; String.getBytes(UTF_8) writes '?', and so do we.
                out.append('?');
            } else {
                appendHex(0xE0 | (c >> 12), out);
                appendHex(0x80 | ((c >> 6) & 0x3F), out);
                appendHex(0x80 | (c & 0x3F), out);
            }
        }
    }

    /**
     * Appends a millisecond count as nginx's {@code %T.%03M}: whole seconds, a dot, three digits
     * ({@code 3} becomes {@code 0.003}).
     */
    static void appendMillisAsSeconds(long millis, StringBuilder out) {
        out.append(Math.floorDiv(millis, 1000L)).append('.');
        appendPadded(Math.floorMod(millis, 1000L), 3, out);
    }

    /** Appends a non-negative {@code value} left-padded with zeros to {@code width} digits. */
    static void appendPadded(long value, int width, StringBuilder out) {
        long limit = 1;
        for (int i = 1; i < width; i++) {
            limit *= 10;
            if (value < limit) {
                out.append('0');
            }
        }
        out.append(value);
    }

    private static void appendByte(int b, StringBuilder out) {
        if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
            out.append((char) b);
        } else {
            appendHex(b, out);
        }
    }

    private static void appendHex(int b, StringBuilder out) {
        out.append('\\').append('x').append(HEX[b >> 4]).append(HEX[b & 0xF]);
    }
}
