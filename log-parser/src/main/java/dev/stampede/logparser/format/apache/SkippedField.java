package dev.stampede.logparser.format.apache;

import dev.stampede.logparser.Rejection;

/**
 * A directive whose value has no place in a request record ({@code %l %u %p %P %k %X %e %n %o ...}): its
 * text is passed over so the line keeps its shape, and not checked.
 */
record SkippedField(String name, Shape shape) implements FieldDecoder {

    /** What the value looks like, so another field can follow it directly. */
    enum Shape {
        /** Any text: needs a literal after it. */
        ANY,
        /** A number or {@code -}: {@code %k %p %P %I %S %^FB}. */
        DIGITS,
        /** One character: {@code %X} logs {@code X}, {@code +} or {@code -}. */
        ONE_CHAR
    }

    @Override
    public Rejection decode(String line, int start, int end, LineState state) {
        return null;
    }

    @Override
    public boolean hasNaturalEnd() {
        return shape != Shape.ANY;
    }

    @Override
    public int naturalEnd(String line, int start, int lineEnd, LineState state) {
        if (shape == Shape.ONE_CHAR) {
            return start < lineEnd ? start + 1 : Extent.TRUNCATED;
        }
        return Digits.naturalEnd(line, start, lineEnd);
    }
}
