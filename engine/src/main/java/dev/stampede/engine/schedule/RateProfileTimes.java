package dev.stampede.engine.schedule;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A rate that varies with time (ramps, steps, curves, a rate changed live: the traffic controller
 * supplies the function). The events sit where the rate's integral ({@link RateIntegral}) reaches
 * their amounts:
 *
 * <ul>
 *   <li><b>evenly</b>: event {@code n} (from 0) at amount {@code n}: with a positive rate at the start,
 *       the first event is at the start, and the number of events in any interval {@code [a, b)} is the
 *       integral over it, give or take one. A constant function gives the times of {@link ConstantRate}
 *       (to the nanosecond, up to rounding);
 *   <li><b>Poisson</b>: event {@code n} at the sum of {@code n + 1} independent unit exponential draws
 *       ({@code -ln(1 - U)}, {@link StrictMath#log}, seeded): an inhomogeneous Poisson process whose
 *       intensity is the rate (time change of a unit-rate process); a constant rate gives {@link
 *       PoissonRate}'s process.
 * </ul>
 *
 * <p>Where the rate is 0 nothing is due. The function is called once per step (1 ms by default) with
 * the seconds since the start, on the publishing thread, one step ahead of the events it schedules;
 * under a {@link LiveGate} only once that moment is within the gate's horizon.
 */
public final class RateProfileTimes implements IntendedTimes {

    /** The default step: the rate function is sampled every millisecond of the schedule. */
    public static final long DEFAULT_STEP_NANOS = RateIntegral.DEFAULT_STEP_NANOS;

    private final RateIntegral integral;
    private final SplittableRandom poisson; // null: evenly
    private double amount;
    private boolean ended;

    /** Evenly spread events, a profile sampled every millisecond, no live gate. */
    public RateProfileTimes(long startNanos, DoubleUnaryOperator ratePerSecondAtSecondsFromStart, long durationNanos) {
        this(startNanos, ratePerSecondAtSecondsFromStart, durationNanos, DEFAULT_STEP_NANOS);
    }

    /** Evenly spread events, the profile sampled every {@code stepNanos}, no live gate. */
    public RateProfileTimes(
            long startNanos, DoubleUnaryOperator ratePerSecondAtSecondsFromStart, long durationNanos, long stepNanos) {
        this(
                new RateIntegral(startNanos, ratePerSecondAtSecondsFromStart, durationNanos, stepNanos, LiveGate.OPEN),
                null);
    }

    private RateProfileTimes(RateIntegral integral, SplittableRandom poisson) {
        this.integral = integral;
        this.poisson = poisson;
        this.amount = poisson == null ? 0 : unitGap(poisson);
    }

    /**
     * Events at a live rate, sampled every millisecond behind {@code gate}.
     *
     * @param poissonSeed the seed of Poisson arrivals, or null for evenly spread events
     */
    public static RateProfileTimes live(
            long startNanos, DoubleUnaryOperator ratePerSecondAt, long durationNanos, LiveGate gate, Long poissonSeed) {
        return new RateProfileTimes(
                new RateIntegral(startNanos, ratePerSecondAt, durationNanos, DEFAULT_STEP_NANOS, gate),
                poissonSeed == null ? null : new SplittableRandom(poissonSeed));
    }

    /** Hot path: no allocation (beyond what the rate function does). */
    @Override
    public long next() {
        if (ended) {
            return END;
        }
        long offset = integral.offsetOf(amount);
        if (offset == RateIntegral.ENDED) {
            ended = true;
            return END;
        }
        amount += poisson == null ? 1 : unitGap(poisson);
        return integral.startNanos() + offset;
    }

    private static double unitGap(SplittableRandom random) {
        return -StrictMath.log(1.0 - random.nextDouble()); // 1 - U in (0, 1]: finite
    }
}
