package dev.stampede.control.guard;

import dev.stampede.control.profile.Rates;
import java.time.Duration;

/** Guard values for people: durations from nanoseconds ({@code 612ms}, {@code 1.25s}) and ratios as percentages. */
public final class MetricValues {

    private MetricValues() {}

    /** {@code nanos} with the largest unit that keeps it at 1 or more: {@code 850us}, {@code 612.5ms}, {@code 2s}. */
    public static String nanos(double nanos) {
        if (Double.isNaN(nanos)) {
            return "-";
        }
        double abs = Math.abs(nanos);
        if (abs >= 1e9) {
            return Rates.format(nanos / 1e9) + "s";
        }
        if (abs >= 1e6) {
            return Rates.format(nanos / 1e6) + "ms";
        }
        if (abs >= 1e3) {
            return Rates.format(nanos / 1e3) + "us";
        }
        return Rates.format(nanos) + "ns";
    }

    /** {@code ratio} (0 to 1) as a percentage: {@code 1.25%}, {@code 0%}. */
    public static String ratio(double ratio) {
        return Double.isNaN(ratio) ? "-" : Rates.format(ratio * 100) + "%";
    }

    /** A window or step length: {@code 10s}, {@code 2.5s}. */
    public static String duration(Duration duration) {
        return nanos(duration.toNanos());
    }
}
