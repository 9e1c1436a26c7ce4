package dev.stampede.logparser.format.nginx;

import dev.stampede.logparser.LineParser;
import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;
import dev.stampede.logparser.RequestRecord;
import dev.stampede.logparser.input.LineBatch;
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
    private final InPlaceParser inPlace;

    NginxLineParser(NginxFormat format) {
        this.leading = format.leadingLiteral();
        List<Segment> list = format.segments();
        this.segments = list.toArray(new Segment[0]);
        this.inPlace = InPlaceParser.forFormat(format);
    }

    /**
     * Reads the bytes in place; a line the fast path does not accept (one to reject, or a rare case it
     * leaves to the String decoders) is parsed again as a string, so every outcome is the String path's.
     */
    @Override
    public Rejection parse(LineBatch batch, int index, RequestRecord record) {
        if (inPlace == null) {
            return parse(batch.line(index), record);
        }
        if (inPlace.parse(batch.data(), batch.start(index), batch.end(index), record)) {
            return null;
        }
        return parse(inPlace.lineText(), record.reset());
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
        return state.resolve(record);
    }
}
