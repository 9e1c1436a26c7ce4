package dev.stampede.model.endpoint;

/**
 * Percent-decoding for classification and for literal identity. Each {@code %XX} becomes the char of
 * that byte (one char per byte, as the log parser keeps bytes), so {@code %7E} and {@code ~} are the
 * same segment; a {@code %} not followed by two hex digits stays as it is. Slot values are never
 * decoded: they keep the bytes the client sent.
 */
final class PercentDecoding {

    private PercentDecoding() {}

    /** Whether {@code text[from, to)} holds a {@code %}, i.e. whether decoding could change it. */
    static boolean hasPercent(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '%') {
                return true;
            }
        }
        return false;
    }

    /** {@code text[from, to)} decoded; {@code plusIsSpace} for query components (form encoding). */
    static String decode(String text, int from, int to, boolean plusIsSpace) {
        StringBuilder decoded = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int high;
            int low;
            if (c == '%'
                    && i + 2 < to
                    && (high = Character.digit(text.charAt(i + 1), 16)) >= 0
                    && (low = Character.digit(text.charAt(i + 2), 16)) >= 0) {
                decoded.append((char) (high * 16 + low));
                i += 2;
            } else {
                decoded.append(plusIsSpace && c == '+' ? ' ' : c);
            }
        }
        return decoded.toString();
    }
}
