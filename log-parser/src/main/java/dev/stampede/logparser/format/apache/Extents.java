package dev.stampede.logparser.format.apache;

/** The unquoted extents: up to a character, to the end of the line, by the field's own shape, before a query. */
final class Extents {

    private Extents() {}

    /** Up to the next occurrence of the following literal's first character. */
    record UpTo(char stop) implements Extent {
        @Override
        public int end(String line, int start, int lineEnd, LineState state) {
            int end = line.indexOf(stop, start);
            return end >= 0 && end < lineEnd ? end : TRUNCATED;
        }
    }

    /** The rest of the line (the format ends with this field). */
    record ToLineEnd() implements Extent {
        @Override
        public int end(String line, int start, int lineEnd, LineState state) {
            return lineEnd;
        }
    }

    /** As far as the field's own shape goes: times, numbers, single characters. */
    record Natural(FieldDecoder decoder) implements Extent {
        @Override
        public int end(String line, int start, int lineEnd, LineState state) {
            return decoder.naturalEnd(line, start, lineEnd, state);
        }
    }

    /** A status-conditional field may be a lone {@code -} instead of what its shape says. */
    record OrDash(Extent shaped) implements Extent {
        @Override
        public int end(String line, int start, int lineEnd, LineState state) {
            int end = shaped.end(line, start, lineEnd, state);
            return end < 0 && start < lineEnd && line.charAt(start) == '-' ? start + 1 : end;
        }
    }

    /**
     * A field directly followed by {@code %q} (as in {@code %U%q}): it ends at the first {@code ?} before
     * where the query would end, else where the query would end (the query is then empty).
     */
    record BeforeQuery(Extent query) implements Extent {
        @Override
        public int end(String line, int start, int lineEnd, LineState state) {
            int queryEnd = query.end(line, start, lineEnd, state);
            if (queryEnd < 0) {
                return queryEnd;
            }
            int mark = line.indexOf('?', start);
            return mark >= 0 && mark < queryEnd ? mark : queryEnd;
        }
    }
}
