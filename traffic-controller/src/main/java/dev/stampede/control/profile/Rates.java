package dev.stampede.control.profile;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Formatting of rates for people. */
public final class Rates {

    private Rates() {}

    /**
     * A rate without needless decimals: {@code 2000}, {@code 1.5}, {@code 333.33}; below 1, three
     * significant digits: {@code 0.001}, {@code 0.123}.
     */
    public static String format(double rate) {
        if (rate == Math.rint(rate) && Math.abs(rate) < 1e15) {
            return Long.toString((long) rate);
        }
        if (Math.abs(rate) < 1 && Double.isFinite(rate)) {
            return new BigDecimal(rate)
                    .round(new MathContext(3))
                    .stripTrailingZeros()
                    .toPlainString();
        }
        String text = String.format(Locale.ROOT, "%.2f", rate);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    /**
     * A length of time as scenario files write durations, to the millisecond: {@code 1m30s}, {@code
     * 500ms}, {@code 0s}; {@code forever} for an infinite one.
     */
    public static String duration(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "forever";
        }
        long millis = Math.round(seconds * 1000);
        if (millis < 0 || seconds >= 1e12) {
            return format(seconds) + "s";
        }
        if (millis == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        append(out, millis / 3_600_000, "h");
        append(out, millis / 60_000 % 60, "m");
        append(out, millis / 1000 % 60, "s");
        append(out, millis % 1000, "ms");
        return out.toString();
    }

    private static void append(StringBuilder out, long amount, String unit) {
        if (amount != 0) {
            out.append(amount).append(unit);
        }
    }
}
