package dev.stampede.report.model;

import dev.stampede.engine.measure.Metric;
import java.util.EnumSet;
import java.util.Set;

/**
 * How {@link RunResults#read(java.nio.file.Path, ReadOptions)} reads {@code latency.hlog}: which metrics
 * it decodes and how many points per series it keeps.
 *
 * @param maxPoints points per series at most: when the log has more intervals, each point merges {@code
 *     ceil(intervals / maxPoints)} consecutive ones exactly (percentiles of the merged interval
 *     histograms); {@link Integer#MAX_VALUE} for one point per interval
 * @param metrics the metrics decoded: lines of the others are skipped before decoding (their histograms
 *     and figures are then empty, 0)
 * @param listener sees each interval histogram decoded, or null
 */
public record ReadOptions(int maxPoints, Set<Metric> metrics, IntervalListener listener) {

    /** Every metric, one point per interval: what the result files need. */
    public static final ReadOptions ALL = new ReadOptions(Integer.MAX_VALUE, EnumSet.allOf(Metric.class), null);

    /** Checks the bound, copies the set. */
    public ReadOptions {
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1: " + maxPoints);
        }
        metrics = Set.copyOf(metrics);
    }

    /** These options with at most {@code points} points per series. */
    public ReadOptions withMaxPoints(int points) {
        return new ReadOptions(points, metrics, listener);
    }

    /** These options decoding only {@code decoded}. */
    public ReadOptions withMetrics(Set<Metric> decoded) {
        return new ReadOptions(maxPoints, decoded, listener);
    }

    /** These options with {@code seeing} shown each interval histogram decoded. */
    public ReadOptions withListener(IntervalListener seeing) {
        return new ReadOptions(maxPoints, metrics, seeing);
    }

    /** The intervals each point merges when the log holds {@code intervals}: at least 1. */
    int intervalsPerPoint(long intervals) {
        return maxPoints == Integer.MAX_VALUE ? 1 : (int) Math.max(1, (intervals + maxPoints - 1) / maxPoints);
    }
}
