package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;

/** Literal text between fields. The last segment of a format must also end the line. */
final class LiteralSegment extends Segment {

    private final String text;
    private final boolean last;
    private final String after;

    /**
     * @param after the directive before this text, named in rejections; {@code null} at the start
     */
    LiteralSegment(String text, boolean last, String after) {
        this.text = text;
        this.last = last;
        this.after = after;
    }

    String text() {
        return text;
    }

    int length() {
        return text.length();
    }

    char first() {
        return text.charAt(0);
    }

    boolean last() {
        return last;
    }

    /** Whether the text is at {@code pos} (and, for the last segment, the line ends after it). */
    boolean matchesAt(String line, int pos, int lineEnd) {
        int end = pos + text.length();
        return end <= lineEnd && line.regionMatches(pos, text, 0, text.length()) && (!last || end == lineEnd);
    }

    /** Whether the line ends at {@code pos} or inside this text. */
    boolean cutOffAt(String line, int pos, int lineEnd) {
        int available = lineEnd - pos;
        return available < text.length() && line.regionMatches(pos, text, 0, available);
    }

    /** Why the text is not at {@code pos}. */
    Rejection mismatch(String line, int pos, int lineEnd) {
        if (cutOffAt(line, pos, lineEnd)) {
            return new Rejection(
                    Reason.TRUNCATED, after, pos + 1, "the line ends where '" + printable(text) + "' should follow");
        }
        if (line.regionMatches(pos, text, 0, text.length())) {
            return new Rejection(
                    Reason.FORMAT_MISMATCH,
                    after,
                    pos + text.length() + 1,
                    "unexpected text after the end of the format");
        }
        return new Rejection(
                Reason.FORMAT_MISMATCH,
                after,
                pos + 1,
                "expected '" + printable(text) + "'" + (after == null ? " at the start" : " after " + after));
    }

    private static String printable(String text) {
        return text.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
