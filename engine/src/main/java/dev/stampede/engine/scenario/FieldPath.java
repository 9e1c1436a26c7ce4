package dev.stampede.engine.scenario;

import java.util.regex.Pattern;

/**
 * Paths that name a field in error messages: {@code source.replay.speed}, {@code rewrite.pathPrefix[0].from},
 * and keys the user chose in brackets when they are not plain words: {@code
 * source.replay.multipliers["^POST /api/order"]}. The top level is the empty path.
 */
final class FieldPath {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]+");

    private FieldPath() {}

    /** The path of {@code key} in the map at {@code parent}. */
    static String child(String parent, String key) {
        if (!PLAIN.matcher(key).matches()) {
            return parent + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** The path of item {@code index} of the list at {@code parent}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** True when {@code path} is {@code ancestor} or lies under it. */
    static boolean isAtOrUnder(String path, String ancestor) {
        return path.equals(ancestor)
                || ancestor.isEmpty()
                || (path.startsWith(ancestor)
                        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '['));
    }

    /** How a path reads in a message: the top level is called so. */
    static String label(String path) {
        return path.isEmpty() ? "(top level)" : path;
    }
}
