package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;
import dev.stampede.logparser.Rejection.Reason;

/**
 * A directive's place in the format: where its text ends ({@link Extent}) and what it means
 * ({@link FieldDecoder}).
 */
final class FieldSegment extends Segment {

    private final String name;
    private final Extent extent;
    private final QuotedExtent quoted;
    private final FieldDecoder decoder;
    private final boolean conditional;

    /**
     * @param name the directive as written, for rejections
     * @param quoted the extent again when the field is quoted, for the raw-quote fallback; else {@code null}
     * @param conditional whether a status condition may make the value a lone {@code -}
     */
    FieldSegment(String name, Extent extent, QuotedExtent quoted, FieldDecoder decoder, boolean conditional) {
        this.name = name;
        this.extent = extent;
        this.quoted = quoted;
        this.decoder = decoder;
        this.conditional = conditional;
    }

    String name() {
        return name;
    }

    Extent extent() {
        return extent;
    }

    QuotedExtent quoted() {
        return quoted;
    }

    FieldDecoder decoder() {
        return decoder;
    }

    /** Whether the text at [start, end) is the {@code -} a status condition writes when it fails. */
    boolean absentByCondition(String line, int start, int end) {
        return conditional && end - start == 1 && line.charAt(start) == '-';
    }

    /** The rejection for an {@link Extent} failure code at {@code start}. */
    Rejection failure(int code, int start) {
        return switch (code) {
            case Extent.TRUNCATED ->
                new Rejection(
                        Reason.TRUNCATED,
                        name,
                        start + 1,
                        quoted != null
                                ? "the line ends inside the quoted value or right after it"
                                : "the line ends before the rest of the format");
            case Extent.BAD_TIME -> new Rejection(Reason.BAD_TIME, name, start + 1, "not a time of this format");
            default ->
                new Rejection(
                        Reason.FORMAT_MISMATCH, name, start + 1, "the text after the value does not fit the format");
        };
    }
}
