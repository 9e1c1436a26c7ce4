package dev.stampede.logparser.format.apache;

/**
 * A field between double quotes, followed by a literal that starts with the closing quote. Apache
 * escapes quotes inside values as {@code \"}, so the field normally ends at the next unescaped quote.
 * Older Apache versions did not escape, so a user agent or referer may hold raw quotes: the splitter
 * then tries the other {@link #previousCandidate candidates}, the last one first.
 */
final class QuotedExtent implements Extent {

    private final LiteralSegment next;

    QuotedExtent(LiteralSegment next) {
        this.next = next;
    }

    /**
     * The next unescaped quote when the following literal is there; else why not: {@link #TRUNCATED} when
     * the line ends inside the value or inside the literal after it.
     */
    @Override
    public int end(String line, int start, int lineEnd, LineState state) {
        int i = start;
        while (i < lineEnd) {
            char c = line.charAt(i);
            if (c == '"') {
                if (next.matchesAt(line, i, lineEnd)) {
                    return i;
                }
                return next.cutOffAt(line, i, lineEnd) ? TRUNCATED : MISMATCH;
            }
            i += c == '\\' ? 2 : 1;
        }
        return TRUNCATED;
    }

    /**
     * The last quote at or after {@code start} and before {@code before} where the following literal
     * matches (escaped or not), or -1.
     */
    int previousCandidate(String line, int start, int before, int lineEnd) {
        for (int q = Math.min(before, lineEnd) - 1; q >= start; q--) {
            if (line.charAt(q) == '"' && next.matchesAt(line, q, lineEnd)) {
                return q;
            }
        }
        return -1;
    }
}
