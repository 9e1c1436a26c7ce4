package dev.stampede.logparser.format;

/**
 * Undoing the escaping web servers apply to logged values. Bytes are kept as ISO-8859-1 chars (one char
 * per byte), so a value round-trips to exactly the bytes that were sent, whatever their encoding.
 */
public final class Escapes {

    private Escapes() {}

    /**
     * nginx {@code escape=default} and Apache's mod_log_config: {@code \xHH} is a byte; Apache also writes
     * {@code \"}, {@code \\}, {@code \n}, {@code \t}, {@code \r}. Anything else is kept as is.
     */
    public static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                if (next == 'x'
                        && i + 3 < value.length()
                        && hex(value.charAt(i + 2)) >= 0
                        && hex(value.charAt(i + 3)) >= 0) {
                    out.append((char) (hex(value.charAt(i + 2)) * 16 + hex(value.charAt(i + 3))));
                    i += 3;
                    continue;
                }
                char simple = switch (next) {
                    case '"' -> '"';
                    case '\\' -> '\\';
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    default -> 0;
                };
                if (simple != 0) {
                    out.append(simple);
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** The bytes a value stands for (ISO-8859-1 chars back to bytes). */
    public static byte[] bytes(String value) {
        return value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
