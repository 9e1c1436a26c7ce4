package dev.stampede.report.compare;

import java.util.Locale;

/** Numbers as the table, the reasons and the HTML write them. */
final class Figures {

    private Figures() {}

    /** A latency: {@code 0.004 ms}, {@code 0.19 ms}, {@code 37.0 ms}, {@code 1.25 s}. */
    static String latency(long nanos) {
        double millis = nanos / 1e6;
        if (Math.abs(millis) < 0.1) {
            return String.format(Locale.ROOT, "%.3f ms", millis);
        }
        if (Math.abs(millis) < 10) {
            return String.format(Locale.ROOT, "%.2f ms", millis);
        }
        if (Math.abs(millis) < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", millis);
        }
        return String.format(Locale.ROOT, "%.2f s", millis / 1e3);
    }

    /** A latency change with its sign: {@code +9.80 ms}, {@code -0.10 ms}. */
    static String latencyDelta(long nanos) {
        return (nanos >= 0 ? "+" : "-") + latency(Math.abs(nanos));
    }

    /** A relative change: {@code +12.3%}, {@code -4.0%}, {@code n/a} without a base. */
    static String percentDelta(double ratio) {
        if (Double.isNaN(ratio)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f%%", ratio * 100);
    }

    /** A threshold as written: {@code 10%}, {@code 12.5%}. */
    static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction * 100)
                        .round(new java.math.MathContext(6))
                        .stripTrailingZeros()
                        .toPlainString()
                + "%";
    }

    /** A share: {@code 0.25%}; {@code -} when unknown. */
    static String rate(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A change of a share in percentage points: {@code +0.12 pp}. */
    static String points(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%+.2f pp", fraction * 100);
    }

    /** A p-value: {@code p=0.031}, {@code p<0.0001}. */
    static String pValue(double p) {
        return p < 1e-4 ? "p<0.0001" : String.format(Locale.ROOT, "p=%.2g", p);
    }

    /** Requests per second: {@code 500.2/s}; {@code -} when unknown. */
    static String perSecond(double rate) {
        return Double.isNaN(rate) ? "-" : String.format(Locale.ROOT, "%.1f/s", rate);
    }
}
