package dev.stampede.control.profile;

import java.util.Locale;

/** Formatting of rates for people. */
public final class Rates {

    private Rates() {}

    /** A rate without needless decimals: {@code 2000}, {@code 1.5}, {@code 333.33}. */
    public static String format(double rate) {
        if (rate == Math.rint(rate) && Math.abs(rate) < 1e15) {
            return Long.toString((long) rate);
        }
        String text = String.format(Locale.ROOT, "%.2f", rate);
        return text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
