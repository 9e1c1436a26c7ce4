package dev.stampede.engine.schedule;

import java.util.SplittableRandom;

/**
 * An open Poisson process: gaps between events are independent and exponential with mean {@code 1 /
 * ratePerSecond}, drawn by inverse CDF, {@code gap = -ln(1 - U) / rate} with {@code U} uniform in
 * [0, 1) from a {@link SplittableRandom} seeded with {@code seed}. The first event comes one gap after
 * the start (a Poisson process on the half-open interval {@code [start, start + duration)}; the number
 * of events in it is Poisson-distributed with mean {@code rate x duration}).
 *
 * <p><b>Reproducible.</b> The same seed gives the same times on every JVM: the logarithm is {@link
 * StrictMath#log}, and the times are the running sum of the gaps in double nanoseconds, rounded down
 * to whole nanoseconds only when returned (so rounding never accumulates). A double holds that sum to
 * under a nanosecond for runs shorter than about 100 days.
 */
public final class PoissonRate implements IntendedTimes {

    private final long startNanos;
    private final long durationNanos;
    private final double meanGapNanos;
    private final SplittableRandom random;

    private double offsetNanos;
    private boolean ended;

    /**
     * @param startNanos clock time the process starts at (the first event is one gap later)
     * @param ratePerSecond mean events per second, above 0 and at most 1e9
     * @param durationNanos events are due at offsets {@code [0, durationNanos)} from the start; {@code
     *     Long.MAX_VALUE} for no end
     * @param seed seed of the gaps: the same seed, the same times
     */
    public PoissonRate(long startNanos, double ratePerSecond, long durationNanos, long seed) {
        if (!(ratePerSecond > 0 && ratePerSecond <= ConstantRate.MAX_RATE_PER_SECOND)) {
            throw new IllegalArgumentException("rate must be above 0 and at most 1e9 per second, got " + ratePerSecond);
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must not be negative, got " + durationNanos + " ns");
        }
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
        this.meanGapNanos = 1e9 / ratePerSecond;
        this.random = new SplittableRandom(seed);
    }

    /** Hot path: no allocation. */
    @Override
    public long next() {
        if (ended) {
            return END;
        }
        // 1 - U is in (0, 1], so the logarithm is finite and the gap is >= 0.
        offsetNanos += -StrictMath.log(1.0 - random.nextDouble()) * meanGapNanos;
        if (offsetNanos >= durationNanos) {
            ended = true;
            return END;
        }
        return startNanos + (long) offsetNanos;
    }
}
