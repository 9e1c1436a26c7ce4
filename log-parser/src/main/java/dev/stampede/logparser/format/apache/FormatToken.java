package dev.stampede.logparser.format.apache;

/** A piece of a LogFormat string: literal text or a directive. */
sealed interface FormatToken {

    /** Literal text, with the format string's backslash escapes already undone. */
    record Literal(String text) implements FormatToken {}

    /**
     * A directive as written, e.g. {@code %>s} or {@code %400,501{User-agent}i}.
     *
     * @param text the directive exactly as written, used as the field's name in rejections
     * @param column where its {@code %} is in the format string, from 1
     * @param letter the directive's letter(s): {@code s}, {@code i}, {@code ^ti}
     * @param argument what is between the braces, or {@code null}
     * @param conditional whether it has a status condition ({@code %400,501...}, {@code %!200...}): its
     *     value is then {@code -} when the condition fails
     * @param statusSelector {@code '<'}, {@code '>'} or 0 when neither is written
     */
    record Directive(String text, int column, String letter, String argument, boolean conditional, char statusSelector)
            implements FormatToken {}
}
