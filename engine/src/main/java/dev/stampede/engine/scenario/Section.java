package dev.stampede.engine.scenario;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Typed reading of one map of the scenario file. Each getter reports a value of the wrong type into
 * {@link Problems} and returns null, as it does for an absent key, so that reading goes on and every
 * problem is found. {@link #rejectUnknown()} then reports the keys this section does not know, with the
 * closest known one as a suggestion.
 */
final class Section {

    private final YamlNode.Mapping map;
    private final String path;
    private final List<String> keys;
    private final Problems problems;

    private Section(YamlNode.Mapping map, String path, List<String> keys, Problems problems) {
        this.map = map;
        this.path = path;
        this.keys = keys;
        this.problems = problems;
    }

    /** The top-level section of a file whose root is {@code root}, or null (reported) when it is no map. */
    static Section root(YamlNode root, List<String> keys, Problems problems) {
        if (root instanceof YamlNode.Mapping map) {
            return new Section(map, "", keys, problems);
        }
        problems.add("", "must be a map of keys such as target and source, got " + root.describe());
        return null;
    }

    /** A section for {@code node} at {@code path}, e.g. a list item, or null (reported) when it is no map. */
    static Section of(YamlNode node, String path, List<String> keys, Problems problems) {
        if (node instanceof YamlNode.Mapping map) {
            return new Section(map, path, keys, problems);
        }
        problems.add(path, "must be a map with keys " + String.join(", ", keys) + ", got " + node.describe());
        return null;
    }

    /** The path of this section ("" at the top). */
    String path() {
        return path;
    }

    /** The path of {@code key} in this section. */
    String path(String key) {
        return FieldPath.child(path, key);
    }

    Problems problems() {
        return problems;
    }

    /** True when {@code key} is written here (even with an empty value). */
    boolean has(String key) {
        known(key);
        return map.entries().containsKey(key);
    }

    /** Keys written here, in file order. */
    List<String> writtenKeys() {
        return List.copyOf(map.entries().keySet());
    }

    /** The value of {@code key}, or null when absent. */
    YamlNode node(String key) {
        known(key);
        YamlNode.Entry entry = map.entries().get(key);
        return entry == null ? null : entry.value();
    }

    /** A section for the map under {@code key}; an empty value counts as an empty map. */
    Section section(String key, List<String> childKeys) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Mapping child) {
            return new Section(child, path(key), childKeys, problems);
        }
        if (node instanceof YamlNode.Scalar scalar && scalar.kind() == YamlNode.Kind.NULL) {
            return new Section(new YamlNode.Mapping(node.location(), Map.of()), path(key), childKeys, problems);
        }
        problems.add(path(key), "must be a map with keys " + String.join(", ", childKeys) + ", got " + node.describe());
        return null;
    }

    /** The mapping under {@code key} as written (keys chosen by the user), or null. */
    YamlNode.Mapping mapping(String key, String expected) {
        YamlNode node = node(key);
        if (node == null || node instanceof YamlNode.Mapping) {
            return (YamlNode.Mapping) node;
        }
        problems.add(path(key), "must be " + expected + ", got " + node.describe());
        return null;
    }

    /** The list under {@code key}, or null. */
    YamlNode.Sequence list(String key, String expected) {
        YamlNode node = node(key);
        if (node == null || node instanceof YamlNode.Sequence) {
            return (YamlNode.Sequence) node;
        }
        problems.add(path(key), "must be " + expected + ", got " + node.describe());
        return null;
    }

    /** Any scalar but null, as written ({@code port: 8080} reads as "8080"), or null. */
    String string(String key) {
        YamlNode node = node(key);
        return node == null ? null : Scalars.string(node, path(key), problems);
    }

    /** true or false, or null. */
    Boolean bool(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.BOOLEAN) {
            return (Boolean) s.value();
        }
        problems.add(path(key), "must be true or false, got " + node.describe());
        return null;
    }

    /** A whole number within long's range, or null. */
    Long integer(String key, String expected) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.INTEGER) {
            if (s.value() instanceof Long value) {
                return value;
            }
            if (s.value() instanceof BigInteger) {
                problems.add(path(key), "is too large, got " + s.text() + " (expected " + expected + ")");
                return null;
            }
        }
        problems.add(path(key), "must be " + expected + ", got " + node.describe());
        return null;
    }

    /** A finite number (whole or not), or null. */
    Double number(String key, String expected) {
        YamlNode node = node(key);
        return node == null ? null : Scalars.number(node, path(key), expected, problems);
    }

    /** A duration ({@link DurationFormat}), or null. */
    Duration duration(String key) {
        YamlNode node = node(key);
        if (node == null) {
            return null;
        }
        if (node instanceof YamlNode.Scalar s && s.kind() == YamlNode.Kind.STRING) {
            try {
                return DurationFormat.parse(s.text());
            } catch (IllegalArgumentException e) {
                problems.add(path(key), e.getMessage());
                return null;
            }
        }
        if (node instanceof YamlNode.Scalar s
                && (s.kind() == YamlNode.Kind.INTEGER || s.kind() == YamlNode.Kind.FLOAT)) {
            problems.add(path(key), "has no unit, got " + s.text() + " (expected e.g. " + s.text() + "s)");
            return null;
        }
        problems.add(path(key), "must be " + DurationFormat.EXPECTED + ", got " + node.describe());
        return null;
    }

    /** One of {@code words}, or null. */
    String word(String key, List<String> words) {
        String text = string(key);
        if (text == null || words.contains(text)) {
            return text;
        }
        String close = Suggestions.closest(text, words);
        problems.add(
                path(key),
                "unknown value '" + text + "' (expected " + oneOf(words)
                        + (close == null ? "" : "; did you mean " + close + "?") + ")");
        return null;
    }

    /** {@code a, b or c}. */
    static String oneOf(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " or " + words.get(words.size() - 1);
    }

    /** Reports every key written here that no getter asked for. */
    void rejectUnknown() {
        map.entries().keySet().stream().filter(key -> !keys.contains(key)).forEach(key -> {
            problems.addAtKey(path(key), "unknown key (" + hint(key) + ")");
        });
    }

    private String hint(String key) {
        String close = Suggestions.closest(key, keys);
        if (close != null) {
            return "did you mean " + close + "?";
        }
        List<String> sections = ScenarioKeys.sectionsOf(key);
        if (!sections.isEmpty()) {
            return key + " belongs under " + oneOf(sections);
        }
        return "expected " + oneOf(keys);
    }

    private void known(String key) {
        if (!keys.contains(key)) {
            throw new IllegalArgumentException(key + " is not declared in " + keys + " (a bug)");
        }
    }
}
