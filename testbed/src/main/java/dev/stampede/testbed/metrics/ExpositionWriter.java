package dev.stampede.testbed.metrics;

/**
 * Writes Prometheus text exposition format (0.0.4) into a {@link StringBuilder}: family headers and
 * samples that all start with the tier label. Knows the escaping rules, nothing about which metrics
 * exist.
 *
 * <p>A sample is written as {@code sample(name).label(..)...value(..)}; the label set is closed by the
 * value call.
 */
final class ExpositionWriter {
    static final String COUNTER = "counter";
    static final String GAUGE = "gauge";
    static final String HISTOGRAM = "histogram";

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final StringBuilder out;
    private final String escapedTier;

    ExpositionWriter(StringBuilder out, String tier) {
        this.out = out;
        this.escapedTier = escapeLabelValue(tier);
    }

    /** Writes the {@code # HELP} and {@code # TYPE} lines that must precede a family's samples. */
    void family(String name, String help, String type) {
        out.append("# HELP ").append(name).append(' ');
        appendEscaped(out, help, false);
        out.append("\n# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    /** Starts a sample line with its name and the tier label. */
    ExpositionWriter sample(String name) {
        out.append(name).append("{tier=\"").append(escapedTier).append('"');
        return this;
    }

    ExpositionWriter label(String name, String value) {
        out.append(',').append(name).append("=\"");
        appendEscaped(out, value, true);
        out.append('"');
        return this;
    }

    /** Closes the label set and writes an integral value. */
    void value(long value) {
        out.append("} ").append(value).append('\n');
    }

    /**
     * Closes the label set and writes a duration in seconds as an exact decimal (for example {@code
     * 0.0015}): converting through {@code double} would add rounding noise to a value that is exact in
     * nanoseconds, and {@code Double.toString} switches to exponent notation below 0.001.
     */
    void seconds(long nanos) {
        out.append("} ");
        appendSeconds(out, nanos);
        out.append('\n');
    }

    static void appendSeconds(StringBuilder out, long nanos) {
        if (nanos < 0) {
            // Durations are clamped to >= 0, so only an overflowed sum gets here; still write a valid float.
            out.append(nanos / (double) NANOS_PER_SECOND);
            return;
        }
        out.append(nanos / NANOS_PER_SECOND);
        long fraction = nanos % NANOS_PER_SECOND;
        if (fraction == 0) {
            return;
        }
        out.append('.');
        int digits = 9;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        String fractionDigits = Long.toString(fraction);
        for (int pad = digits - fractionDigits.length(); pad > 0; pad--) {
            out.append('0');
        }
        out.append(fractionDigits);
    }

    /** Escapes a label value: backslash, double quote and line feed, as the format requires. */
    static String escapeLabelValue(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        appendEscaped(escaped, value, true);
        return escaped.toString();
    }

    // HELP text escapes backslash and line feed only; label values escape the double quote too.
    private static void appendEscaped(StringBuilder out, String text, boolean quote) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '"' -> out.append(quote ? "\\\"" : "\"");
                default -> out.append(c);
            }
        }
    }
}
