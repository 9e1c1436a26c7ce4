package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;

/**
 * What a directive's text means: decodes it into the {@link LineState}. Immutable and shared; one per
 * directive of the compiled format, so it may hold the directive's name for rejections.
 */
interface FieldDecoder {

    /** The directive as written, e.g. {@code %>s}, named in rejections. */
    String name();

    /**
     * Decodes {@code line[start, end)}.
     *
     * @return {@code null} when fine, else why the line is rejected
     */
    Rejection decode(String line, int start, int end, LineState state);

    /** Whether the field always finds its own end ({@link #naturalEnd}), whatever follows it: times. */
    default boolean selfDelimiting() {
        return false;
    }

    /** Whether {@link #naturalEnd} works, so another field may follow this one directly. */
    default boolean hasNaturalEnd() {
        return selfDelimiting();
    }

    /** The end of the field's text by its own shape, or a negative {@link Extent} code. */
    default int naturalEnd(String line, int start, int lineEnd, LineState state) {
        throw new UnsupportedOperationException(name() + " has no natural end");
    }
}
