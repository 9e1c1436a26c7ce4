package dev.stampede.report.compare;

/**
 * How large a change of one latency metric must be before it can count: both limits must be exceeded.
 *
 * @param relative the change over the baseline's value, e.g. {@code 0.10} for 10%
 * @param floorNanos the change in ns, so that 0.2 ms to 0.3 ms (+50%) is not a regression
 */
public record MetricThreshold(double relative, long floorNanos) {

    /** Checks the limits. */
    public MetricThreshold {
        if (!(relative >= 0) || Double.isInfinite(relative)) {
            throw new IllegalArgumentException("relative threshold must be 0 or more, got " + relative);
        }
        if (floorNanos < 0) {
            throw new IllegalArgumentException("floor must be 0 or more, got " + floorNanos + " ns");
        }
    }

    /** Whether a change from {@code baselineNanos} to {@code candidateNanos} exceeds both limits. */
    public boolean exceededBy(long baselineNanos, long candidateNanos) {
        long delta = Math.abs(candidateNanos - baselineNanos);
        if (delta <= floorNanos) {
            return false;
        }
        return baselineNanos == 0 || delta / (double) baselineNanos > relative;
    }
}
