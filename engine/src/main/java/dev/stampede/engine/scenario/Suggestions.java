package dev.stampede.engine.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for unknown keys and words: the closest known one by edit distance, if close enough. */
final class Suggestions {

    private Suggestions() {}

    /**
     * The known word closest to {@code typed} (case ignored), or null when none is within a third of the
     * word's length (at least 1, at most 3 edits).
     */
    static String closest(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(3, Math.max(1, typed.length() / 3));
        return bestDistance <= allowed ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
