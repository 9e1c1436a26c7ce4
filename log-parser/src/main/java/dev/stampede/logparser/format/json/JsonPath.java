package dev.stampede.logparser.format.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a JSON line, {@code a.b[0].c}, and every way its keys can be spelled in a document. Log
 * shippers write the same field nested ({@code {"http":{"request":{"method":..}}}}), flat with dotted
 * keys (Elastic's {@code {"http.request.method":..}}) or a mix of both, so a path matches all of them.
 */
final class JsonPath {

    /** More parts than this would make the number of spellings (2<sup>parts-1</sup>) silly. */
    static final int MAX_PARTS = 12;

    /** Array indices a path may use: log lines do not hold arrays this long that anyone maps into. */
    static final int MAX_INDEX = 1023;

    /** One step of a spelling: an object key, then array indices into its value. */
    record Step(String key, int[] indices) {}

    private JsonPath() {}

    /**
     * The spellings of {@code path} in order of preference: at each level the longest literal key first
     * ({@code a.b.c}, then {@code a.b} → {@code c}, then {@code a} → {@code b.c}, then {@code a} →
     * {@code b} → {@code c}). A key can only join the next one when it has no index.
     *
     * @throws IllegalArgumentException when {@code path} is not {@code key([n])*(.key([n])*)*}
     */
    static List<List<Step>> spellings(String path) {
        List<Step> parts = parse(path);
        List<List<Step>> spellings = new ArrayList<>();
        spell(parts, 0, new ArrayList<>(), spellings);
        return spellings;
    }

    private static void spell(List<Step> parts, int from, List<Step> prefix, List<List<Step>> out) {
        if (from == parts.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        int last = from;
        while (last + 1 < parts.size() && parts.get(last).indices().length == 0) {
            last++;
        }
        for (int to = last; to >= from; to--) {
            StringBuilder key = new StringBuilder(parts.get(from).key());
            for (int i = from + 1; i <= to; i++) {
                key.append('.').append(parts.get(i).key());
            }
            prefix.add(new Step(key.toString(), parts.get(to).indices()));
            spell(parts, to + 1, prefix, out);
            prefix.remove(prefix.size() - 1);
        }
    }

    private static List<Step> parse(String path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("empty path");
        }
        List<Step> parts = new ArrayList<>();
        for (String part : path.split("\\.", -1)) {
            parts.add(parsePart(part, path));
        }
        if (parts.size() > MAX_PARTS) {
            throw new IllegalArgumentException(
                    "path '" + path + "' has " + parts.size() + " parts; at most " + MAX_PARTS + " are allowed");
        }
        return parts;
    }

    private static Step parsePart(String part, String path) {
        int bracket = part.indexOf('[');
        String key = bracket < 0 ? part : part.substring(0, bracket);
        if (key.isEmpty() || key.indexOf(']') >= 0) {
            throw new IllegalArgumentException("path '" + path + "' has an empty or malformed key in '" + part + "'");
        }
        List<Integer> indices = new ArrayList<>();
        int i = bracket;
        while (i >= 0 && i < part.length()) {
            int close = part.indexOf(']', i);
            if (part.charAt(i) != '[' || close < 0) {
                throw new IllegalArgumentException("path '" + path + "': expected [n] after '" + key + "'");
            }
            indices.add(index(part.substring(i + 1, close), path));
            i = close + 1;
        }
        return new Step(key, indices.stream().mapToInt(Integer::intValue).toArray());
    }

    private static int index(String digits, String path) {
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("path '" + path + "': '[" + digits + "]' is not an array index");
        }
        int index = Integer.parseInt(digits);
        if (index > MAX_INDEX) {
            throw new IllegalArgumentException("path '" + path + "': index " + index + " is larger than " + MAX_INDEX);
        }
        return index;
    }
}
