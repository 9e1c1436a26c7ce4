package dev.stampede.engine.scenario;

import java.util.regex.Pattern;

/** Shares as a scenario writes them: a number ({@code 0.01}) or a percentage ({@code 1%}). */
final class Shares {

    private static final Pattern PERCENT = Pattern.compile("\\d+(\\.\\d+)?%");

    private Shares() {}

    /** True when {@code node} is written as a percentage, e.g. {@code 5%}. */
    static boolean isPercent(YamlNode node) {
        return node instanceof YamlNode.Scalar s
                && s.kind() == YamlNode.Kind.STRING
                && PERCENT.matcher(s.text().trim()).matches();
    }

    /** The share {@code node} says (a percentage divided by 100), or null (reported) when it says none. */
    static Double read(YamlNode node, String path, String expected, Problems problems) {
        if (isPercent(node)) {
            String text = ((YamlNode.Scalar) node).text().trim();
            return Double.parseDouble(text.substring(0, text.length() - 1)) / 100;
        }
        return Scalars.number(node, path, expected, problems);
    }
}
