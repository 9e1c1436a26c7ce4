package dev.stampede.engine.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Values the scenario sections share: paths, regexes, narrowed numbers, string lists and maps. */
final class FileValues {

    private FileValues() {}

    /** The path under {@code key}, resolved against the scenario file's directory, or null. */
    static Path path(Section section, String key, Path baseDir) {
        String text = section.string(key);
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            section.problems().add(section.path(key), "is empty (expected a path)");
            return null;
        }
        try {
            return baseDir.resolve(text).normalize();
        } catch (InvalidPathException e) {
            section.problems().add(section.path(key), "is not a path: " + e.getReason());
            return null;
        }
    }

    /** {@code text} compiled, or null with the problem at the character where the regex goes wrong. */
    static Pattern regex(String text, String path, boolean isKey, Problems problems) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            String message = "bad regex: " + e.getDescription() + " (expected a Java regex on \"METHOD /path\")";
            int offset = Math.max(0, e.getIndex());
            if (isKey) {
                problems.addAtKey(path, offset, message);
            } else {
                problems.addAt(path, offset, message);
            }
            return null;
        }
    }

    /** The regexes of the list under {@code key}; an item that does not compile is reported and left out. */
    static List<Pattern> regexes(Section section, String key) {
        YamlNode.Sequence list = section.list(key, "a list of regexes on \"METHOD /path\", e.g. [\"^GET /api\"]");
        List<Pattern> patterns = new ArrayList<>();
        if (list == null) {
            return patterns;
        }
        for (int i = 0; i < list.items().size(); i++) {
            String path = FieldPath.item(section.path(key), i);
            String text = Scalars.string(list.items().get(i), path, section.problems());
            Pattern pattern = text == null ? null : regex(text, path, false, section.problems());
            if (pattern != null) {
                patterns.add(pattern);
            }
        }
        return patterns;
    }

    /** {@code value} as an int, or null (reported) when it does not fit. */
    static Integer toInt(Long value, String path, Problems problems) {
        if (value == null) {
            return null;
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            problems.add(path, "is too large, got " + value);
            return null;
        }
        return value.intValue();
    }

    /** A map of text to text in file order; entries with other values are reported and left out. */
    static Map<String, String> stringMap(YamlNode.Mapping map, String path, Problems problems) {
        Map<String, String> values = new LinkedHashMap<>();
        if (map != null) {
            map.entries().forEach((key, entry) -> {
                String value = Scalars.string(entry.value(), FieldPath.child(path, key), problems);
                if (value != null) {
                    values.put(key, value);
                }
            });
        }
        return values;
    }

    /** A list of text values; other items are reported and left out. */
    static List<String> stringList(YamlNode.Sequence list, String path, Problems problems) {
        List<String> values = new ArrayList<>();
        if (list != null) {
            for (int i = 0; i < list.items().size(); i++) {
                String value = Scalars.string(list.items().get(i), FieldPath.item(path, i), problems);
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return values;
    }
}
