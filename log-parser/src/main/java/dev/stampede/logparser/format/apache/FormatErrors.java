package dev.stampede.logparser.format.apache;

/** Errors in a LogFormat string: the message, then the format with a caret under the offending text. */
final class FormatErrors {

    private FormatErrors() {}

    /** An error at {@code column} (from 1) of {@code format}. */
    static IllegalArgumentException at(String format, int column, String message) {
        StringBuilder text = new StringBuilder(message)
                .append(" (column ")
                .append(column)
                .append(" of the LogFormat)\n  ")
                .append(format)
                .append("\n  ");
        for (int i = 1; i < column; i++) {
            text.append(format.charAt(i - 1) == '\t' ? '\t' : ' ');
        }
        return new IllegalArgumentException(text.append('^').toString());
    }
}
