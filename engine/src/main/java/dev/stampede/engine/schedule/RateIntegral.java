package dev.stampede.engine.schedule;

import java.util.function.DoubleUnaryOperator;

/**
 * Where the integral of a rate over time reaches an amount: the one time map behind every schedule
 * whose rate varies. With {@code L(t)} the integral of the rate from the start to {@code t} seconds,
 * {@link #offsetOf(double) offsetOf(a)} is the first offset at which {@code L} exceeds {@code a} (where
 * {@code L} reaches {@code a} when the rate is positive there). The amount is what the caller counts:
 * events (a rate profile: event {@code n} at amount {@code n}), unit-rate Poisson arrival times (an
 * inhomogeneous Poisson process), or recorded seconds (a replay whose speed changes: the rate is the
 * speed).
 *
 * <p><b>How it integrates.</b> The rate is sampled at the edges of fixed steps ({@code stepNanos},
 * default 1 ms) and taken as linear in between (trapezoids), so {@code L} is a quadratic inside a step
 * and the crossing is solved in closed form. A piecewise-linear rate whose corners fall on step edges
 * is integrated exactly; a curve is off by O(step^2). Offsets are rounded to the nearest nanosecond and
 * never decrease.
 *
 * <p><b>Live rates.</b> Each sample is taken only once its moment is within the {@link LiveGate}'s
 * horizon (the gate waits until then), so a rate changed live applies from at most one horizon after
 * the change. A negative or NaN rate counts as 0 (nothing is due; the integral waits at the gate);
 * rates above 1e9 per second count as 1e9.
 *
 * <p>Single-threaded (the publishing thread); no allocation beyond what the rate function does.
 */
public final class RateIntegral {

    /** The default step: the rate is sampled every millisecond of the schedule. */
    public static final long DEFAULT_STEP_NANOS = 1_000_000L;
    /** What {@link #offsetOf} returns past the duration, or when the gate was stopped. */
    public static final long ENDED = -1;

    private final long startNanos;
    private final DoubleUnaryOperator ratePerSecondAt;
    private final long durationNanos;
    private final long stepNanos;
    private final double stepSeconds;
    private final LiveGate gate;

    private long stepStartNanos; // offset of the current step from the start
    private double rateAtStepStart;
    private double rateAtStepEnd;
    private double integralAtStepStart;
    private double integralAtStepEnd;
    private long lastOffsetNanos;
    private boolean ended;

    /**
     * @param startNanos clock time of offset 0
     * @param ratePerSecondAt the rate at a number of seconds from the start
     * @param durationNanos offsets {@code [0, durationNanos)} are in the schedule; {@code Long.MAX_VALUE}
     *     for no end
     * @param stepNanos how often the rate is sampled, above 0
     * @param gate how far ahead the rate may be read ({@link LiveGate#OPEN}: any distance)
     */
    public RateIntegral(
            long startNanos, DoubleUnaryOperator ratePerSecondAt, long durationNanos, long stepNanos, LiveGate gate) {
        if (ratePerSecondAt == null || gate == null) {
            throw new IllegalArgumentException("the rate function and the gate are required");
        }
        if (durationNanos < 0) {
            throw new IllegalArgumentException("duration must not be negative, got " + durationNanos + " ns");
        }
        if (stepNanos <= 0) {
            throw new IllegalArgumentException("step must be above 0, got " + stepNanos + " ns");
        }
        this.startNanos = startNanos;
        this.ratePerSecondAt = ratePerSecondAt;
        this.durationNanos = durationNanos;
        this.stepNanos = stepNanos;
        this.stepSeconds = stepNanos / 1e9;
        this.gate = gate;
        this.rateAtStepStart = rateAt(0);
        this.rateAtStepEnd = rateAt(stepNanos);
        this.integralAtStepEnd = (rateAtStepStart + rateAtStepEnd) * 0.5 * stepSeconds;
        this.ended = durationNanos == 0;
    }

    /**
     * The offset in nanoseconds from the start at which the integral reaches {@code amount} (amounts
     * asked for never decrease), or {@link #ENDED} when that is at or past the duration or the gate was
     * stopped; {@link #ENDED} is final.
     */
    public long offsetOf(double amount) {
        if (ended) {
            return ENDED;
        }
        while (!(integralAtStepEnd > amount)) { // the crossing is where the integral passes the amount
            if (durationNanos - stepStartNanos <= stepNanos
                    || !gate.awaitWithin(startNanos + stepStartNanos + 2 * stepNanos)) {
                ended = true; // the next step starts at or past the end, or the run stopped
                return ENDED;
            }
            advanceStep();
        }
        double withinSeconds = secondsToReach(amount - integralAtStepStart);
        long offset = stepStartNanos + Math.min(stepNanos, Math.round(withinSeconds * 1e9));
        offset = Math.max(offset, lastOffsetNanos);
        if (offset >= durationNanos) {
            ended = true;
            return ENDED;
        }
        lastOffsetNanos = offset;
        return offset;
    }

    /** The clock time of offset 0. */
    public long startNanos() {
        return startNanos;
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
