package dev.stampede.engine.scenario;

/** Scalars of the file as strings and numbers, for sections and for maps of user-chosen keys. */
final class Scalars {

    private Scalars() {}

    /** Any scalar but null, as written, or null (reported). */
    static String string(YamlNode node, String path, Problems problems) {
        if (node instanceof YamlNode.Scalar s && s.kind() != YamlNode.Kind.NULL) {
            return s.text();
        }
        problems.add(path, "must be a text value, got " + node.describe());
        return null;
    }

    /** A finite number, or null (reported). */
    static Double number(YamlNode node, String path, String expected, Problems problems) {
        if (node instanceof YamlNode.Scalar s
                && (s.kind() == YamlNode.Kind.INTEGER || s.kind() == YamlNode.Kind.FLOAT)) {
            double value = ((Number) s.value()).doubleValue();
            if (Double.isFinite(value)) {
                return value;
            }
        }
        problems.add(path, "must be " + expected + ", got " + node.describe());
        return null;
    }
}
