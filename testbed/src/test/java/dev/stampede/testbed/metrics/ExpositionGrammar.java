package dev.stampede.testbed.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line-level grammar of the Prometheus text exposition format (0.0.4), for {@link
 * PrometheusTextParser}: sample lines, label values with their escapes, floats, HELP text.
 *
 * <p>Stricter than Prometheus where our own output never needs the leniency: no whitespace inside
 * braces, and floats only in plain decimal or exponent form, {@code +Inf}, {@code -Inf}, {@code Inf} or
 * {@code NaN} (Prometheus accepts whatever Go's {@code ParseFloat} does, such as hex floats).
 */
final class ExpositionGrammar {
    static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?Inf|NaN");
    private static final Pattern VALUE_AND_TIMESTAMP = Pattern.compile("[ \\t]+(\\S+)(?:[ \\t]+(-?[0-9]+))?");

    private ExpositionGrammar() {}

    /** Parses {@code name[{labels}] value [timestamp]}. */
    static PrometheusTextParser.Sample parseSample(int lineNumber, String line) {
        int nameEnd = 0;
        while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = line.substring(0, nameEnd);
        if (!METRIC_NAME.matcher(name).matches()) {
            throw fail(lineNumber, "expected a metric name at the start of: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        int rest = nameEnd;
        if (rest < line.length() && line.charAt(rest) == '{') {
            rest = parseLabels(lineNumber, line, rest + 1, labels);
        }
        Matcher valuePart = VALUE_AND_TIMESTAMP.matcher(line.substring(rest));
        if (!valuePart.matches()) {
            throw fail(lineNumber, "expected ' value [timestamp]' at column " + (rest + 1) + " of: " + line);
        }
        double value = parseFloat(lineNumber, valuePart.group(1));
        return new PrometheusTextParser.Sample(name, Collections.unmodifiableMap(labels), value, lineNumber);
    }

    /** Parses a sample value or an {@code le} label as the format spells floats. */
    static double parseFloat(int lineNumber, String text) {
        if (!FLOAT.matcher(text).matches()) {
            throw fail(lineNumber, "not a valid float: '" + text + "'");
        }
        return switch (text) {
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text); // locale-independent
        };
    }

    /** Decodes HELP text, where only {@code \\} and {@code \n} are escapes. */
    static String unescapeHelp(int lineNumber, String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = i + 1 < text.length() ? text.charAt(++i) : ' ';
            switch (escaped) {
                case '\\' -> out.append('\\');
                case 'n' -> out.append('\n');
                default -> throw fail(lineNumber, "bad escape in HELP text at column " + (i + 1));
            }
        }
        return out.toString();
    }

    static AssertionError fail(int lineNumber, String message) {
        return new AssertionError("line " + lineNumber + ": " + message);
    }

    /** Parses labels after the opening brace into {@code labels}; returns the index after the closing one. */
    private static int parseLabels(int lineNumber, String line, int from, Map<String, String> labels) {
        int i = from;
        while (true) {
            if (i < line.length() && line.charAt(i) == '}') {
                return i + 1; // empty braces, or a trailing comma: both allowed by the format
            }
            int nameStart = i;
            while (i < line.length() && isNameChar(line.charAt(i)) && line.charAt(i) != ':') {
                i++;
            }
            String labelName = line.substring(nameStart, i);
            if (!LABEL_NAME.matcher(labelName).matches() || labelName.startsWith("__")) {
                throw fail(lineNumber, "bad label name at column " + (nameStart + 1) + " of: " + line);
            }
            if (!line.startsWith("=\"", i)) {
                throw fail(lineNumber, "expected '=\"' after label " + labelName + " in: " + line);
            }
            StringBuilder value = new StringBuilder();
            i = parseLabelValue(lineNumber, line, i + 2, value);
            if (labels.put(labelName, value.toString()) != null) {
                throw fail(lineNumber, "label " + labelName + " given twice in: " + line);
            }
            if (i < line.length() && line.charAt(i) == ',') {
                i++;
            } else if (i >= line.length() || line.charAt(i) != '}') {
                throw fail(lineNumber, "expected ',' or '}' after label " + labelName + " in: " + line);
            }
        }
    }

    /** Decodes a quoted label value starting after its opening quote; returns the index after the closing one. */
    private static int parseLabelValue(int lineNumber, String line, int from, StringBuilder value) {
        int i = from;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = i < line.length() ? line.charAt(i++) : ' ';
            switch (escaped) {
                case '\\' -> value.append('\\');
                case '"' -> value.append('"');
                case 'n' -> value.append('\n');
                default -> throw fail(lineNumber, "bad escape in label value at column " + (i - 1) + " of: " + line);
            }
        }
        throw fail(lineNumber, "unterminated label value in: " + line);
    }

    private static boolean isNameChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == ':';
    }
}
