package dev.stampede.engine.scenario;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as scenario files write them: whole numbers with units, largest unit first, each unit at
 * most once: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h}, {@code 1m30s}, {@code 250us}. Units:
 * {@code h}, {@code m}, {@code s}, {@code ms}, {@code us}, {@code ns}, in either case ({@code 1M30S}).
 */
public final class DurationFormat {

    /** What a duration looks like, for error messages. */
    public static final String EXPECTED = "a duration such as 500ms, 10s, 2m, 1h or 1m30s";

    private static final Pattern PART = Pattern.compile("(\\d+)(h|ms|m|s|us|ns)", Pattern.CASE_INSENSITIVE);
    private static final String UNITS = "h m s ms us ns";

    private DurationFormat() {}

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException saying what is wrong and what is expected
     */
    public static Duration parse(String text) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("empty (expected " + EXPECTED + ")");
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(
                    "'" + text + "' has no unit (expected e.g. " + trimmed + "s or " + trimmed + "ms)");
        }
        Matcher part = PART.matcher(trimmed);
        Duration total = Duration.ZERO;
        int end = 0;
        int lastUnit = -1;
        while (part.lookingAt()) {
            String unitName = part.group(2).toLowerCase(Locale.ROOT);
            int unit = unitRank(unitName);
            if (unit <= lastUnit) {
                throw new IllegalArgumentException(
                        "'" + text + "': units go largest first, each once (expected " + EXPECTED + ")");
            }
            lastUnit = unit;
            total = total.plus(of(part.group(1), unitName, text));
            end = part.end();
            part.region(end, trimmed.length());
        }
        if (end != trimmed.length()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (expected " + EXPECTED + ")");
        }
        return total;
    }

    private static int unitRank(String unit) {
        return switch (unit) {
            case "h" -> 0;
            case "m" -> 1;
            case "s" -> 2;
            case "ms" -> 3;
            case "us" -> 4;
            default -> 5;
        };
    }

    private static Duration of(String digits, String unit, String text) {
        try {
            long amount = Long.parseLong(digits);
            return switch (unit) {
                case "h" -> Duration.ofHours(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "ms" -> Duration.ofMillis(amount);
                case "us" -> Duration.ofNanos(Math.multiplyExact(amount, 1_000L));
                default -> Duration.ofNanos(amount);
            };
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is too long (units: " + UNITS + ")", e);
        }
    }

    /** {@code d} as this format writes it, e.g. {@code 1m30s}, {@code 500ms}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        if (d.isNegative()) {
            return "-" + format(d.negated());
        }
        StringBuilder out = new StringBuilder();
        long nanos = d.toNanosPart();
        append(out, d.toHours(), "h");
        append(out, d.toMinutesPart(), "m");
        append(out, d.toSecondsPart(), "s");
        if (nanos % 1_000_000 == 0) {
            append(out, nanos / 1_000_000, "ms");
        } else if (nanos % 1_000 == 0) {
            append(out, nanos / 1_000, "us");
        } else {
            append(out, nanos, "ns");
        }
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
