package dev.stampede.report.model;

import dev.stampede.engine.measure.Metric;

/**
 * Sees each interval histogram of {@code latency.hlog} that a read takes (complete intervals only, the
 * metrics {@link ReadOptions#metrics()} decodes), in the log's order: for a reporter that needs more of
 * an interval than its {@link IntervalPoint} (a comparison's windows of consecutive intervals).
 */
@FunctionalInterface
public interface IntervalListener {

    /**
     * One line of the log.
     *
     * @param series the endpoint's name, or {@link SeriesResults#OVERALL}
     * @param metric what it measures
     * @param interval the interval's index in the log, from 0
     * @param startSeconds the interval's start, seconds since the log's start
     * @param endSeconds its end
     * @param histogram its counts: valid during this call only
     */
    void interval(
            String series,
            Metric metric,
            int interval,
            double startSeconds,
            double endSeconds,
            IntervalHistogram histogram);
}
