package dev.stampede.engine.scenario;

/**
 * One thing wrong with a scenario, printed as {@code FILE:LINE:COLUMN: field.path: what is wrong
 * (what is expected)}, e.g. {@code daily.yaml:7:12: source.replay.speed: must be above 0, got -2}.
 *
 * @param file the scenario file as the user named it; null for a scenario built from flags
 * @param line 1-based line, or 0 when there is no place in a file to point at
 * @param column 1-based column, or 0 with {@code line}
 * @param field the field's path in the file ({@code source.replay.speed}), the command-line flag that
 *     set it ({@code --speed}), or what else is wrong ({@code YAML} for a syntax error); null when the
 *     problem is with the file as a whole (it cannot be read)
 * @param message what is wrong, then what is expected in parentheses where that helps
 * @param excerpt the file's line the problem is on, for showing it under a caret; null without one
 */
public record Problem(String file, int line, int column, String field, String message, String excerpt) {

    /** {@code FILE:LINE:COLUMN: field: message}, leaving out the parts this problem has none of. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        if (file != null) {
            out.append(file);
            if (line > 0) {
                out.append(':').append(line).append(':').append(column);
            }
            out.append(": ");
        }
        if (field != null) {
            out.append(field).append(": ");
        }
        return out.append(message).toString();
    }

    /** {@link #toString()}, then the file's line and a caret under the column, when there is one. */
    public String annotated() {
        if (excerpt == null || line <= 0) {
            return toString();
        }
        return toString() + "\n    " + excerpt + "\n    " + " ".repeat(Math.max(0, column - 1)) + "^";
    }
}
