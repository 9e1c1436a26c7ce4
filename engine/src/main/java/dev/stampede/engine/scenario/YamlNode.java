package dev.stampede.engine.scenario;

import java.util.List;
import java.util.Map;

/**
 * A YAML value with the place it starts in the file. Jackson's {@code JsonNode} keeps no locations, so
 * {@link YamlTreeReader} builds these from the parser's tokens.
 */
sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {

    /** Where the value starts. */
    Location location();

    /** The value as an error message quotes it after "got". */
    String describe();

    /** One key of a mapping: where the key is written, and its value. */
    record Entry(Location keyLocation, YamlNode value) {}

    /** A mapping, keys in file order. */
    record Mapping(Location location, Map<String, Entry> entries) implements YamlNode {
        @Override
        public String describe() {
            return "a map";
        }
    }

    /** A sequence. */
    record Sequence(Location location, List<YamlNode> items) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** What a scalar resolved to under YAML's plain-scalar rules (quoted scalars are always strings). */
    enum Kind {
        STRING,
        INTEGER,
        FLOAT,
        BOOLEAN,
        NULL
    }

    /**
     * A scalar: its kind, its text as written, and its value ({@code String}, {@code Long} or {@code
     * java.math.BigInteger}, {@code Double}, {@code Boolean}, or null).
     */
    record Scalar(Location location, Kind kind, String text, Object value) implements YamlNode {
        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "'" + text + "'";
                case NULL -> "nothing";
                default -> text;
            };
        }
    }
}
