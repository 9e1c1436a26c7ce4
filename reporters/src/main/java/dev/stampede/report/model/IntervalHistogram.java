package dev.stampede.report.model;

import org.HdrHistogram.AbstractHistogram;

/**
 * One interval histogram of {@code latency.hlog} as it is read ({@link IntervalListener}): valid only
 * during the call that hands it over (the reader reuses it for the next line). Values in ns; percentiles
 * and the maximum are HdrHistogram's, to the nanosecond.
 */
public interface IntervalHistogram {

    /** The number of values recorded. */
    long totalCount();

    /** The value at {@code percentile} (0 to 100), as {@link AbstractHistogram#getValueAtPercentile}; 0 when empty. */
    long valueAtPercentile(double percentile);

    /** The highest value, as {@link AbstractHistogram#getMaxValue}; 0 when empty. */
    long max();

    /**
     * Adds these counts to {@code histogram}, each at the lowest value of its bucket: exact when {@code
     * histogram} has the log's precision (it should resize automatically or cover the log's range).
     */
    void addTo(AbstractHistogram histogram);
}
