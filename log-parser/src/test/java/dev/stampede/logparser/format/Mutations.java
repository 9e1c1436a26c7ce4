package dev.stampede.logparser.format;

import java.util.List;
import java.util.SplittableRandom;

/** Seeded damage to good lines, for the formats' fuzz tests: what torn writes and odd clients produce. */
public final class Mutations {

    /** Characters that matter to some format: quotes, separators, escapes, digits, high bytes. */
    private static final String INTERESTING = "\"'{}[]:,.-+ \t\\/?=&;#%xX0129eE\u00e9\u00ff\u0100\u20ac\u0000\n\r";

    private Mutations() {}

    /** {@code line} with one to four random edits (or cut short). */
    public static String mutate(String line, SplittableRandom random) {
        StringBuilder text = new StringBuilder(line);
        int edits = random.nextInt(1, 5);
        for (int e = 0; e < edits; e++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length() + 1);
            switch (random.nextInt(7)) {
                case 0 -> text.setLength(at); // truncated
                case 1 -> text.insert(at, randomChar(random));
                case 2 -> {
                    if (at < text.length()) {
                        text.deleteCharAt(at);
                    }
                }
                case 3 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, randomChar(random));
                    }
                }
                case 4 -> { // a stretch repeated, as by a doubled write
                    int end = Math.min(text.length(), at + random.nextInt(1, 30));
                    text.insert(at, text.substring(at, end));
                }
                case 5 -> { // a stretch dropped
                    int end = Math.min(text.length(), at + random.nextInt(1, 30));
                    text.delete(at, end);
                }
                default -> text.insert(at, randomToken(random));
            }
        }
        return text.toString();
    }

    /** A random line: characters from anywhere below U+0180, with the interesting ones more often. */
    public static String noise(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 200);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? (char) random.nextInt(0x180) : randomChar(random));
        }
        return text.toString();
    }

    /** One of {@code lines}, mutated, or noise now and then. */
    public static String next(List<String> lines, SplittableRandom random) {
        if (random.nextInt(20) == 0) {
            return noise(random);
        }
        return mutate(lines.get(random.nextInt(lines.size())), random);
    }

    private static char randomChar(SplittableRandom random) {
        return INTERESTING.charAt(random.nextInt(INTERESTING.length()));
    }

    private static String randomToken(SplittableRandom random) {
        String[] tokens = {
            "-",
            "-1",
            "null",
            "true",
            "\"\"",
            "{}",
            "[]",
            "1e309",
            "-0.0",
            "99999999999999999999",
            "NaN",
            "\\u0000",
            "\\x22",
            "\\",
            "\"",
            "2024-02-30T25:61:61Z",
            "29/Feb/2023:00:00:00 +0000",
            "#Fields: date time",
            " - ",
            "[0]",
            "\\n"
        };
        return tokens[random.nextInt(tokens.length)];
    }
}
