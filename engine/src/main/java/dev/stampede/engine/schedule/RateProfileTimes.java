package dev.stampede.engine.schedule;

import java.util.function.DoubleUnaryOperator;

/**
 * A rate that varies with time (ramps, steps, curves: the traffic controller supplies the function).
 * With {@code L(t)} the integral of the rate from the start to {@code t} seconds, event {@code n} (from
 * 0) is due at the first instant after which {@code L} exceeds {@code n} (where {@code L} reaches
 * {@code n}, when the rate is positive there): with a positive rate at the start, the first event is at
 * the start, and the number of events in any interval {@code [a, b)} is the integral over it, give or
 * take one. Where the rate is 0 nothing is due; a rate that is 0 throughout gives no events at all. A constant function gives the
 * times of {@link ConstantRate} (to the nanosecond, up to rounding).
 *
 * <p><b>How it integrates.</b> The rate is sampled at the edges of fixed steps ({@code stepNanos},
 * default 1 ms) and taken as linear in between (trapezoids), so {@code L} is a quadratic inside a step
 * and the crossing of {@code n} is solved in closed form. A piecewise-linear profile whose corners fall
 * on step edges (a ramp from the start, a ramp then a plateau at whole milliseconds) is integrated
 * exactly; a curve is off by O(step^2). Times are rounded to the nearest nanosecond and never
 * decrease.
 *
 * <p><b>The function.</b> It is called once per step with the seconds since the start, on the
 * publishing thread, one step ahead of the events it schedules; it must be cheap and allocation-free.
 * A negative or NaN rate counts as 0 (no events); rates above 1e9 per second count as 1e9.
 */
public final class RateProfileTimes implements IntendedTimes {

    /** The default step: the rate function is sampled every millisecond of the schedule. */
    public static final long DEFAULT_STEP_NANOS = 1_000_000L;

    private final long startNanos;
    private final DoubleUnaryOperator ratePerSecondAt;
    private final long durationNanos;
    private final long stepNanos;
    private final double stepSeconds;

    private long stepStartNanos; // offset of the current step from the start
    private double rateAtStepStart;
    private double rateAtStepEnd;
    private double integralAtStepStart;
    private double integralAtStepEnd;
    private long nextEvent;
    private long lastOffsetNanos;
    private boolean ended;

    /** A profile sampled every millisecond; see {@link #RateProfileTimes(long, DoubleUnaryOperator, long, long)}. */
    public RateProfileTimes(long startNanos, DoubleUnaryOperator ratePerSecondAtSecondsFromStart, long durationNanos) {
        this(startNanos, ratePerSecondAtSecondsFromStart, durationNanos, DEFAULT_STEP_NANOS);
    }

    /**
     * @param startNanos clock time the profile starts at (and the first event is due at)
     * @param ratePerSecondAtSecondsFromStart events per second at a number of seconds from the start
     * @param durationNanos events are due at offsets {@code [0, durationNanos)}; {@code Long.MAX_VALUE}
     *     for no end
     * @param stepNanos how often the rate is sampled, above 0
     */
    public RateProfileTimes(
            long startNanos, DoubleUnaryOperator ratePerSecondAtSecondsFromStart, long durationNanos, long stepNanos) {
        if (ratePerSecondAtSecondsFromStart == null) {
            throw new IllegalArgumentException("the rate function is required");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must not be negative, got " + durationNanos + " ns");
        }
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("step must be above 0, got " + stepNanos + " ns");
        }
        this.startNanos = startNanos;
        this.ratePerSecondAt = ratePerSecondAtSecondsFromStart;
        this.durationNanos = durationNanos;
        this.stepNanos = stepNanos;
        this.stepSeconds = stepNanos / 1e9;
        this.rateAtStepStart = rateAt(0);
        this.rateAtStepEnd = rateAt(stepNanos);
        this.integralAtStepEnd = (rateAtStepStart + rateAtStepEnd) * 0.5 * stepSeconds;
        this.ended = durationNanos == 0;
    }

    /** Hot path: no allocation (beyond what the rate function does). */
    @Override
    public long next() {
        if (ended) {
            return END;
        }
        double target = nextEvent;
        while (!(integralAtStepEnd > target)) { // the event is due where the integral passes n
            if (durationNanos - stepStartNanos <= stepNanos) {
                ended = true; // the next step starts at or past the end
                return END;
            }
            advanceStep();
        }
        double withinSeconds = secondsToReach(target - integralAtStepStart);
        long offset = stepStartNanos + Math.min(stepNanos, Math.round(withinSeconds * 1e9));
        offset = Math.max(offset, lastOffsetNanos);
        if (offset >= durationNanos) {
            ended = true;
            return END;
        }
        lastOffsetNanos = offset;
        nextEvent++;
        return startNanos + offset;
    }

    private void advanceStep() {
        stepStartNanos += stepNanos;
        rateAtStepStart = rateAtStepEnd;
        rateAtStepEnd = rateAt(stepStartNanos + stepNanos);
        integralAtStepStart = integralAtStepEnd;
        integralAtStepEnd = integralAtStepStart + (rateAtStepStart + rateAtStepEnd) * 0.5 * stepSeconds;
    }

    /**
     * Seconds into the current step at which the integral grows by {@code amount}, with the rate linear
     * across the step: the root of {@code a x^2 + b x = amount} in the stable form {@code 2 amount / (b
     * + sqrt(b^2 + 4 a amount))}.
     */
    private double secondsToReach(double amount) {
        if (amount <= 0) {
            return 0;
        }
        double a = (rateAtStepEnd - rateAtStepStart) / (2 * stepSeconds);
        double b = rateAtStepStart;
        double denominator = b + Math.sqrt(Math.max(0, b * b + 4 * a * amount));
        if (!(denominator > 0)) {
            return stepSeconds;
        }
        return Math.min(stepSeconds, 2 * amount / denominator);
    }

    private double rateAt(long offsetNanos) {
        double rate = ratePerSecondAt.applyAsDouble(offsetNanos / 1e9);
        return rate > 0 ? Math.min(rate, ConstantRate.MAX_RATE_PER_SECOND) : 0; // NaN fails "> 0"
    }
}
