package dev.stampede.model.pool;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File names for slots: letters and digits (any script), {@code .}, {@code -} and {@code _} kept, every
 * other run of characters made one {@code _}; leading dots, dashes and underscores and trailing dots
 * dropped; at most {@value #MAX_LENGTH} characters; {@code slot} when nothing is left; Windows device names
 * ({@code con}, {@code nul}, {@code com1}...) prefixed with {@code slot_}. Names are compared ignoring case
 * (so the pool survives a case-insensitive file system): a taken name gets {@code -2}, {@code -3}... The
 * index's own name is taken from the start.
 */
final class FileNames {

    static final int MAX_LENGTH = 80;

    private static final Set<String> DEVICES = Set.of(
            "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9", "lpt1",
            "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");

    private final Set<String> taken = new HashSet<>();

    FileNames(String... reserved) {
        for (String name : reserved) {
            taken.add(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A new file name ending in {@code .csv} for {@code slot}, different from every one given before. */
    String next(String slot) {
        String base = sanitise(slot);
        String name = base + ".csv";
        for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + "-" + n + ".csv";
        }
        return name;
    }

    static String sanitise(String slot) {
        StringBuilder name = new StringBuilder();
        int count = 0;
        for (int i = 0; i < slot.length() && count < MAX_LENGTH; ) {
            int c = slot.codePointAt(i);
            i += Character.charCount(c);
            boolean keep = Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_';
            if (keep) {
                name.appendCodePoint(c);
                count++;
            } else if (name.length() > 0 && name.charAt(name.length() - 1) != '_') {
                name.append('_');
                count++;
            }
        }
        int start = 0;
        while (start < name.length() && ".-_".indexOf(name.charAt(start)) >= 0) {
            start++;
        }
        int end = name.length();
        while (end > start && name.charAt(end - 1) == '.') {
            end--;
        }
        String result = name.substring(start, end);
        if (result.isEmpty()) {
            return "slot";
        }
        int dot = result.indexOf('.');
        String stem = (dot < 0 ? result : result.substring(0, dot)).toLowerCase(Locale.ROOT);
        return DEVICES.contains(stem) ? "slot_" + result : result;
    }
}
