package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import java.util.List;

/**
 * Splits a line at the format's literal text: each variable's value runs up to the first occurrence of
 * the literal that follows it (nginx escapes {@code "} inside values, so a quoted value cannot contain
 * its closing quote). Single-threaded.
 */
final class NginxLineParser implements LineParser {

    private final String leading;
    private final Segment[] segments;
    private final LineState state = new LineState();

    NginxLineParser(NginxFormat format) {
        this.leading = format.leadingLiteral();
        List<Segment> list = format.segments();
        this.segments = list.toArray(new Segment[0]);
    }

    @Override
    public Rejection parse(String line, RequestRecord record) {
        if (line.isBlank()) {
            return Rejection.of(Reason.EMPTY, "blank line");
        }
        if (!line.startsWith(leading)) {
            return new Rejection(Reason.FORMAT_MISMATCH, null, 1, "the line does not start with '" + leading + "'");
        }
        state.reset();
        int pos = leading.length();
        for (Segment segment : segments) {
            String literal = segment.followingLiteral();
            int end = literal.isEmpty() ? line.length() : line.indexOf(literal, pos);
            if (end < 0) {
                return segment.quoted()
                        ? new Rejection(
                                Reason.TRUNCATED,
                                segment.variable(),
                                pos + 1,
                                "the line ends inside the quoted $" + segment.variable())
                        : new Rejection(
                                Reason.FORMAT_MISMATCH,
                                segment.variable(),
                                pos + 1,
                                "no '" + literal + "' after $" + segment.variable());
            }
            Rejection rejection = segment.decoder().decode(line, pos, end, record, state);
            if (rejection != null) {
                return rejection;
            }
            pos = end + literal.length();
        }
        if (pos != line.length()) {
            return new Rejection(
                    Reason.FORMAT_MISMATCH,
                    null,
                    pos + 1,
                    "text after the last field: '" + line.substring(pos, Math.min(line.length(), pos + 40)) + "'");
        }
        return resolve(record);
    }

    /** Applies what needs several variables: start from end and request time, bytes, the client. */
    private Rejection resolve(RequestRecord record) {
        if (record.method() == null || record.uri() == null) {
            return Rejection.of(Reason.BAD_REQUEST_LINE, "no method or request target in the line");
        }
        long request = record.requestTimeMicros();
        record.startMicros(request >= 0 ? state.endMicros - request : state.endMicros);
        record.bytesSent(state.bodyBytes >= 0 ? state.bodyBytes : state.allBytes);
        if (state.forwardedFor != null) {
            record.clientAddress(state.forwardedFor);
        }
        return null;
    }
}
