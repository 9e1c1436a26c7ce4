package dev.stampede.control.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * One SLO guard: a metric over a sliding window, a threshold, and what to do when the value goes above it.
 *
 * @param name unique among a run's guards; events name it as {@code guard NAME}
 * @param metric what is measured
 * @param threshold the value above which the guard trips: nanoseconds for a time metric, a ratio from 0
 *     to 1 (below 1) for a ratio metric
 * @param window how much of the recent past is judged: the last {@code round(window / interval)}
 *     intervals, at least one
 * @param action what the guard does when it trips
 * @param minRequests the fewest requests ({@link GuardMetric#samples}) a full window must hold to be
 *     judged: a p99 of 20 requests is their largest value, not a p99 (default {@value #DEFAULT_MIN_REQUESTS})
 */
public record GuardRule(
        String name, GuardMetric metric, double threshold, Duration window, GuardAction action, long minRequests) {

    /** The window unless told otherwise. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);

    /** The fewest requests judged unless told otherwise. */
    public static final long DEFAULT_MIN_REQUESTS = 100;

    /** Checks every value. */
    public GuardRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(action, "action");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a guard has a name");
        }
        if (!(threshold >= 0) || Double.isInfinite(threshold) || (!metric.timeBased() && threshold >= 1)) {
            throw new IllegalArgumentException("guard " + name + ": a threshold is 0 or more"
                    + (metric.timeBased() ? "" : " and below 1") + ", got " + threshold);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("guard " + name + ": a window is above 0, got " + window);
        }
        if (minRequests < 1) {
            throw new IllegalArgumentException("guard " + name + ": minRequests is 1 or more, got " + minRequests);
        }
    }

    /** A guard with the default minimum of requests. */
    public static GuardRule of(String name, GuardMetric metric, double threshold, Duration window, GuardAction action) {
        return new GuardRule(name, metric, threshold, window, action, DEFAULT_MIN_REQUESTS);
    }

    /** True when {@code value} breaks this guard: above the threshold (NaN never does). */
    public boolean breachedBy(double value) {
        return value > threshold;
    }

    /** The guard for people: {@code p99 latency of POST /api/order above 500ms over 10s}. */
    public String describe() {
        return metric.describe() + " above " + metric.format(threshold) + " over " + MetricValues.duration(window);
    }
}
