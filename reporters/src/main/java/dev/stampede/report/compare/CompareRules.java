package dev.stampede.report.compare;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The rules of the verdict (the package comment explains them; {@code docs/results.md} is the manual).
 *
 * @param thresholds each latency metric's relative threshold and absolute floor
 * @param errorRateFloor the change of the error rate (errors over attempted, a fraction: 0.001 is 0.1
 *     percentage points) that must be exceeded
 * @param alpha the significance level of the consistency tests (Mann-Whitney U on window values,
 *     two-proportion z on error counts)
 * @param minEffect the least probability that a candidate window is worse than a baseline window (or
 *     better, for an improvement) for a latency change to count; 0.5 means "no tendency"
 * @param minWindows the least windows each run needs before a latency change can be judged; fewer
 *     make a change past the thresholds inconclusive
 */
public record CompareRules(
        Map<LatencyMetric, MetricThreshold> thresholds,
        double errorRateFloor,
        double alpha,
        double minEffect,
        int minWindows) {

    /** 10% and 1 ms for every metric. */
    public static final MetricThreshold DEFAULT_THRESHOLD = new MetricThreshold(0.10, 1_000_000L);

    /** 0.1 percentage points. */
    public static final double DEFAULT_ERROR_RATE_FLOOR = 0.001;

    /** 1%: with dozens of tests per comparison, 5% would flag noise somewhere too often. */
    public static final double DEFAULT_ALPHA = 0.01;

    /** Vargha and Delaney's "medium" effect (their A measure: 0.56 small, 0.64 medium, 0.71 large). */
    public static final double DEFAULT_MIN_EFFECT = 0.64;

    /** The normal approximation of the U test is sound from about ten samples on each side. */
    public static final int DEFAULT_MIN_WINDOWS = 10;

    /** Copies the thresholds; every metric must have one; checks the limits. */
    public CompareRules {
        EnumMap<LatencyMetric, MetricThreshold> copy = new EnumMap<>(LatencyMetric.class);
        copy.putAll(thresholds);
        for (LatencyMetric metric : LatencyMetric.ALL) {
            if (!copy.containsKey(metric)) {
                throw new IllegalArgumentException("no threshold for " + metric.label());
            }
        }
        thresholds = Collections.unmodifiableMap(copy);
        if (!(errorRateFloor >= 0 && errorRateFloor < 1)) {
            throw new IllegalArgumentException("error-rate floor must be from 0 to below 100%, got " + errorRateFloor);
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be above 0 and below 1, got " + alpha);
        }
        if (!(minEffect >= 0.5 && minEffect <= 1)) {
            throw new IllegalArgumentException("minimum effect must be from 0.5 to 1, got " + minEffect);
        }
        if (minWindows < 2) {
            throw new IllegalArgumentException("minimum windows must be at least 2, got " + minWindows);
        }
    }

    /** The defaults above. */
    public static CompareRules defaults() {
        Map<LatencyMetric, MetricThreshold> thresholds = new EnumMap<>(LatencyMetric.class);
        for (LatencyMetric metric : LatencyMetric.ALL) {
            thresholds.put(metric, DEFAULT_THRESHOLD);
        }
        return new CompareRules(
                thresholds, DEFAULT_ERROR_RATE_FLOOR, DEFAULT_ALPHA, DEFAULT_MIN_EFFECT, DEFAULT_MIN_WINDOWS);
    }

    /** The threshold of {@code metric}. */
    public MetricThreshold threshold(LatencyMetric metric) {
        return thresholds.get(metric);
    }

    /** These rules with {@code metric}'s relative threshold set. */
    public CompareRules withRelative(LatencyMetric metric, double relative) {
        return with(metric, new MetricThreshold(relative, threshold(metric).floorNanos()));
    }

    /** These rules with {@code metric}'s absolute floor set. */
    public CompareRules withFloor(LatencyMetric metric, long floorNanos) {
        return with(metric, new MetricThreshold(threshold(metric).relative(), floorNanos));
    }

    private CompareRules with(LatencyMetric metric, MetricThreshold threshold) {
        Map<LatencyMetric, MetricThreshold> changed = new EnumMap<>(thresholds);
        changed.put(metric, threshold);
        return new CompareRules(changed, errorRateFloor, alpha, minEffect, minWindows);
    }

    /** These rules with the error-rate floor set. */
    public CompareRules withErrorRateFloor(double floor) {
        return new CompareRules(thresholds, floor, alpha, minEffect, minWindows);
    }

    /** These rules with the significance level set. */
    public CompareRules withAlpha(double level) {
        return new CompareRules(thresholds, errorRateFloor, level, minEffect, minWindows);
    }

    /** These rules with the least windows per run set. */
    public CompareRules withMinWindows(int windows) {
        return new CompareRules(thresholds, errorRateFloor, alpha, minEffect, windows);
    }
}
