package dev.stampede.engine.scenario;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each field of a scenario came from, so that a problem found in a value names the place to fix:
 * {@code FILE:LINE:COLUMN: path} for a value from the file, the flag for a value from the command line.
 * A field that is missing points at the key of its nearest enclosing map that is written in the file.
 */
final class FieldOrigins {

    private record Spot(Location key, Location value) {}

    private final String file;
    private final List<String> lines;
    private final Map<String, Spot> spots = new HashMap<>();
    private final Map<String, String> flags = new HashMap<>();

    private FieldOrigins(String file, List<String> lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Origins of a scenario built without a file. */
    static FieldOrigins none() {
        return new FieldOrigins(null, List.of());
    }

    /** Origins of the fields of {@code root}, read from {@code text} of the file called {@code file}. */
    static FieldOrigins of(String file, String text, YamlNode root) {
        FieldOrigins origins = new FieldOrigins(file, text.lines().toList());
        origins.spots.put("", new Spot(Location.START, root == null ? Location.START : root.location()));
        if (root != null) {
            origins.walk("", root);
        }
        return origins;
    }

    /** Origins of a file that could not be parsed: problems point at places the parser named. */
    static FieldOrigins unparsed(String file, String text) {
        return of(file, text, null);
    }

    private void walk(String path, YamlNode node) {
        if (node instanceof YamlNode.Mapping map) {
            map.entries().forEach((key, entry) -> {
                String child = FieldPath.child(path, key);
                spots.put(child, new Spot(entry.keyLocation(), entry.value().location()));
                walk(child, entry.value());
            });
        } else if (node instanceof YamlNode.Sequence list) {
            for (int i = 0; i < list.items().size(); i++) {
                YamlNode item = list.items().get(i);
                String child = FieldPath.item(path, i);
                spots.put(child, new Spot(item.location(), item.location()));
                walk(child, item);
            }
        }
    }

    /** Names {@code field} in problems by the command-line flag that set it. */
    void flag(String field, String flagName) {
        flags.put(field, flagName);
    }

    /** A copy, for a builder that goes its own way. */
    FieldOrigins copy() {
        FieldOrigins copy = new FieldOrigins(file, lines);
        copy.spots.putAll(spots);
        copy.flags.putAll(flags);
        return copy;
    }

    /** A problem with the value of {@code field} (or with its absence). */
    Problem problem(String field, String message) {
        return problem(field, -1, message, false);
    }

    /** A problem with the key {@code field} itself, e.g. an unknown one. */
    Problem problemAtKey(String field, String message) {
        return problem(field, -1, message, true);
    }

    /**
     * A problem at character {@code offset} of a one-line scalar value, e.g. where a regex or URL goes
     * wrong; plain and simply quoted scalars get the exact column, others the value's start.
     */
    Problem problemAt(String field, int offset, String message) {
        return problem(field, offset, message, false);
    }

    /** A problem at character {@code offset} of the key {@code field}, e.g. a regex used as a key. */
    Problem problemAtKey(String field, int offset, String message) {
        return problem(field, offset, message, true);
    }

    /** A problem at a place the parser named, e.g. a syntax error. */
    Problem problemAt(Location location, String label, String message) {
        return new Problem(file, location.line(), location.column(), label, message, excerpt(location.line()));
    }

    private Problem problem(String field, int offset, String message, boolean atKey) {
        String flag = flags.get(field);
        if (flag != null) {
            return new Problem(null, 0, 0, flag, message, null);
        }
        if (file == null) {
            return new Problem(null, 0, 0, FieldPath.label(field), message, null);
        }
        Spot spot = spots.get(field);
        Location at;
        if (spot != null) {
            at = atKey ? spot.key() : spot.value();
            if (offset >= 0) {
                at = new Location(at.line(), at.column() + offsetInScalar(at, offset));
            }
        } else {
            at = spots.get(nearestWritten(field)).key();
        }
        return problemAt(at, FieldPath.label(field), message);
    }

    private String nearestWritten(String field) {
        for (int i = field.length() - 1; i > 0; i--) {
            char c = field.charAt(i);
            if ((c == '.' || c == '[') && spots.containsKey(field.substring(0, i))) {
                return field.substring(0, i);
            }
        }
        return "";
    }

    /** Columns from a scalar's start to its character {@code offset}: 0 when the text is escaped or folded. */
    private int offsetInScalar(Location start, int offset) {
        String line = excerpt(start.line());
        int from = start.column() - 1;
        if (line == null || from >= line.length()) {
            return 0;
        }
        char first = line.charAt(from);
        if (first == '|' || first == '>') {
            return 0;
        }
        if (first == '"' || first == '\'') {
            String rest = line.substring(from + 1);
            boolean escaped = first == '"' ? rest.contains("\\") : rest.contains("''");
            return escaped ? 0 : 1 + offset;
        }
        return offset;
    }

    private String excerpt(int line) {
        return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
    }
}
