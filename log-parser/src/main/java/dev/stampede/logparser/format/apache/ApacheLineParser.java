package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;

/**
 * Parses lines of one compiled LogFormat: split the line into fields, decode each, complete the record.
 * Single-threaded (it owns its {@link LineState}); never throws on input.
 */
final class ApacheLineParser implements LineParser {

    private static final Rejection EMPTY = Rejection.of(Reason.EMPTY, "the line is empty");

    private final Segment[] segments;
    private final LineSplitter splitter;
    private final LineState state;

    ApacheLineParser(CompiledFormat format) {
        this.segments = format.segments();
        this.splitter = new LineSplitter(segments);
        this.state = new LineState(segments.length);
    }

    @Override
    public Rejection parse(String line, RequestRecord record) {
        int lineEnd = line == null ? 0 : endWithoutTrailingWhitespace(line);
        if (lineEnd == 0) {
            return EMPTY;
        }
        state.reset(record);
        Rejection why = splitter.split(line, lineEnd, state);
        if (why != null) {
            return why;
        }
        for (int i = 0; i < segments.length; i++) {
            if (segments[i] instanceof FieldSegment field) {
                int start = state.starts[i];
                int end = state.ends[i];
                if (!field.absentByCondition(line, start, end)) {
                    why = field.decoder().decode(line, start, end, state);
                    if (why != null) {
                        return why;
                    }
                }
            }
        }
        return state.finish();
    }

    /** Lines may end in {@code \r} (CRLF files) or stray blanks; the format never does (it is trimmed too). */
    private static int endWithoutTrailingWhitespace(String line) {
        int end = line.length();
        while (end > 0) {
            char c = line.charAt(end - 1);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                break;
            }
            end--;
        }
        return end;
    }
}
