package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;

/**
 * The first pass over a line: where each field starts and ends, into {@link LineState#starts} and
 * {@link LineState#ends}. Literals must be where the format puts them. A quoted field first ends at its
 * next unescaped quote; when that does not let the rest of the line match, the other quotes followed
 * by the expected literal are tried, the last one first (raw quotes in old Apache logs), within
 * {@link LineState#CANDIDATE_BUDGET} attempts per line. Shares nothing mutable; the state is the caller's.
 */
final class LineSplitter {

    private final Segment[] segments;
    private final String lastField;

    LineSplitter(Segment[] segments) {
        this.segments = segments;
        String name = null;
        for (Segment segment : segments) {
            if (segment instanceof FieldSegment field) {
                name = field.name();
            }
        }
        this.lastField = name;
    }

    /** Splits {@code line[0, lineEnd)}; {@code null} when every segment is found, else the first failure. */
    Rejection split(String line, int lineEnd, LineState state) {
        if (match(line, lineEnd, 0, 0, state)) {
            return null;
        }
        return state.failure != null
                ? state.failure
                : Rejection.of(Reason.FORMAT_MISMATCH, "no way to split the line into the format's fields");
    }

    private boolean match(String line, int lineEnd, int from, int start, LineState state) {
        int pos = start;
        for (int i = from; i < segments.length; i++) {
            if (segments[i] instanceof LiteralSegment literal) {
                if (!literal.matchesAt(line, pos, lineEnd)) {
                    state.fail(literal.mismatch(line, pos, lineEnd));
                    return false;
                }
                pos += literal.length();
                continue;
            }
            FieldSegment field = (FieldSegment) segments[i];
            state.starts[i] = pos;
            int end = field.extent().end(line, pos, lineEnd, state);
            if (field.quoted() != null) {
                return matchQuoted(line, lineEnd, i, pos, end, state);
            }
            if (end < 0) {
                state.fail(field.failure(end, pos));
                return false;
            }
            state.ends[i] = end;
            pos = end;
        }
        if (pos != lineEnd) {
            state.fail(new Rejection(
                    Reason.FORMAT_MISMATCH, lastField, pos + 1, "unexpected text after the end of the format"));
            return false;
        }
        return true;
    }

    private boolean matchQuoted(String line, int lineEnd, int i, int start, int firstEnd, LineState state) {
        FieldSegment field = (FieldSegment) segments[i];
        if (firstEnd >= 0) {
            state.ends[i] = firstEnd;
            if (match(line, lineEnd, i + 1, firstEnd, state)) {
                return true;
            }
        } else {
            state.fail(field.failure(firstEnd, start));
        }
        QuotedExtent quoted = field.quoted();
        for (int end = quoted.previousCandidate(line, start, lineEnd, lineEnd);
                end >= 0;
                end = quoted.previousCandidate(line, start, end, lineEnd)) {
            if (end == firstEnd) {
                continue;
            }
            if (--state.candidateBudget < 0) {
                return false;
            }
            state.ends[i] = end;
            if (match(line, lineEnd, i + 1, end, state)) {
                return true;
            }
        }
        return false;
    }
}
