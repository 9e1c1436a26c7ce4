package dev.stampede.engine.measure;

import org.HdrHistogram.AbstractHistogram;

/**
 * Percentiles of one histogram, in nanoseconds. As HdrHistogram reports them, a percentile is the
 * highest value equivalent to the recorded one at the histogram's precision (within 0.1% above it).
 *
 * @param count how many values the histogram holds
 * @param p50Nanos the median
 * @param p90Nanos the 90th percentile
 * @param p99Nanos the 99th percentile
 * @param p999Nanos the 99.9th percentile
 * @param maxNanos the largest value
 */
public record LatencySummary(long count, long p50Nanos, long p90Nanos, long p99Nanos, long p999Nanos, long maxNanos) {

    /** No values: everything zero. */
    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

    /** The summary of {@code histogram}. */
    public static LatencySummary of(AbstractHistogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(
                histogram.getTotalCount(),
                histogram.getValueAtPercentile(50.0),
                histogram.getValueAtPercentile(90.0),
                histogram.getValueAtPercentile(99.0),
                histogram.getValueAtPercentile(99.9),
                histogram.getMaxValue());
    }
}
