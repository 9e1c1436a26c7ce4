package dev.stampede.logparser.format.json;

import dev.stampede.logparser.LineFormat;
import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.RequestRecord;

/**
 * A JSON envelope around a line of another format: Docker's and Kubernetes' {@code
 * {"log":"<line>\n","stream":"stdout","time":"..."}}, a shipper's {@code {"message":"<line>"}}. The value
 * at the wrapper's path is the inner line (an object there is passed on as its raw JSON, for an inner
 * JSON format); everything else in the envelope is ignored, as the inner line has the request's own time.
 */
final class WrappedMapping implements LineMapping {

    private final PathTrie paths = new PathTrie();
    private final String path;
    private final int slot;
    private final LineFormat inner;

    WrappedMapping(String path, LineFormat inner) {
        this.path = path;
        this.slot = paths.add(path);
        this.inner = inner;
    }

    @Override
    public PathTrie paths() {
        return paths;
    }

    @Override
    public Mapper newMapper() {
        return new WrappedMapper(inner.newParser());
    }

    @Override
    public String describe() {
        return "wrap=" + path + ",inner=" + inner.name() + " (" + inner.describe() + ")";
    }

    /** One thread's mapper: owns the inner format's parser. */
    private final class WrappedMapper implements Mapper {

        private final LineParser innerParser;

        WrappedMapper(LineParser innerParser) {
            this.innerParser = innerParser;
        }

        @Override
        public Rejection map(Extraction values, RequestRecord record) {
            String line = values.value(slot);
            if (line == null) {
                return new Rejection(Rejection.Reason.MISSING_FIELD, path, 0, "no value at '" + path + "' to unwrap");
            }
            Rejection why = innerParser.parse(stripNewline(line), record);
            if (why == null) {
                return null;
            }
            // Columns stay the inner line's: the envelope's escaping makes outer columns meaningless there.
            String detail = why.detail() == null || why.detail().isEmpty() ? "" : ": " + why.detail();
            return new Rejection(
                    why.reason(), why.field(), why.column(), "in the line wrapped in '" + path + "'" + detail);
        }
    }

    /** Docker keeps the line's own {@code \n} (and a {@code \r} before it, from a CRLF writer). */
    static String stripNewline(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
            if (end > 0 && line.charAt(end - 1) == '\r') {
                end--;
            }
        }
        return end == line.length() ? line : line.substring(0, end);
    }
}
