package dev.stampede.model.endpoint;

import java.util.List;

/** Unique slot names within a template: the second {@code id} is {@code id_2}, the third {@code id_3}. */
final class SlotNames {

    private SlotNames() {}

    /** {@code base}, or {@code base_N} with the smallest N >= 2 that {@code taken} does not hold. */
    static String unique(List<String> taken, String base) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "_" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    /**
     * The base name for a variable position from the classes of the values it took (hits per {@link
     * SegmentClass} ordinal; {@code null} when none was counted): the name with most hits; ties go to the
     * more specific name.
     */
    static String forPosition(long[] classHits) {
        if (classHits == null) {
            return SegmentClass.LITERAL.slotName();
        }
        String best = SegmentClass.LITERAL.slotName();
        long bestHits = 0;
        for (String name : BY_SPECIFICITY) {
            long hits = 0;
            for (int i = 0; i < classHits.length; i++) {
                if (SegmentClass.of(i).slotName().equals(name)) {
                    hits += classHits[i];
                }
            }
            if (hits > bestHits) {
                best = name;
                bestHits = hits;
            }
        }
        return best;
    }

    private static final String[] BY_SPECIFICITY = {"uuid", "date", "code", "id", "hex", "token", "var"};
}
