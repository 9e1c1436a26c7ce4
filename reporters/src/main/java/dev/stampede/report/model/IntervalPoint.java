package dev.stampede.report.model;

/**
 * One measurement interval of one series (an endpoint, or all of them), summarised from its interval
 * histograms in {@code latency.hlog} as they were read; the histograms themselves are not kept. Times
 * are seconds since the measurement's start (the log's {@code StartTime}), to the millisecond the log
 * keeps; values are nanoseconds, as HdrHistogram reports them (the highest value equivalent to the
 * bucket), 0 when nothing was recorded.
 *
 * @param startSeconds when the interval began
 * @param endSeconds when it ended
 * @param count requests that ended in it (each attempted request records one latency)
 * @param p50Nanos latency from the intended send time: median
 * @param p90Nanos latency: 90th percentile
 * @param p99Nanos latency: 99th percentile
 * @param p999Nanos latency: 99.9th percentile
 * @param maxNanos latency: the highest
 * @param serviceP99Nanos service time (from the actual send): 99th percentile
 * @param sendLagP99Nanos send lag (actual minus intended send time): 99th percentile
 */
public record IntervalPoint(
        double startSeconds,
        double endSeconds,
        long count,
        long p50Nanos,
        long p90Nanos,
        long p99Nanos,
        long p999Nanos,
        long maxNanos,
        long serviceP99Nanos,
        long sendLagP99Nanos) {}
