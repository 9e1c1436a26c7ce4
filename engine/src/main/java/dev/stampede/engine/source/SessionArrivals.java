package dev.stampede.engine.source;

import java.util.SplittableRandom;

/**
 * When sessions start: an open arrival process at a rate that may change while it runs. Times are
 * nanoseconds from the source's start, kept as doubles (exact to well under a nanosecond for runs of
 * days) and rounded down when read, so rounding never accumulates; they never decrease.
 *
 * <ul>
 *   <li><b>Poisson:</b> gaps independent and exponential, {@code -ln(1 - U) x mean gap} ({@link
 *       StrictMath#log}: the same seed gives the same times on every JVM); the first arrival one gap
 *       after the start.
 *   <li><b>Uniform:</b> gaps exactly {@code 1 / rate}; the first arrival at the start.
 * </ul>
 *
 * <p><b>Rate changes</b> ({@link #retime}) apply to the arrival not yet taken: a Poisson process is
 * memoryless, so its pending arrival is drawn again with the new rate from the moment of the change,
 * which is exact for a change at that moment; a uniform one keeps its phase, the next arrival one new
 * gap after the last (not before the change).
 *
 * <p>At a rate of 0 nothing arrives (the pending arrival is at infinity) until a retime to a positive rate.
 *
 * <p>Single-threaded (the publishing thread); no allocation.
 */
final class SessionArrivals {

    private final boolean poisson;
    private final SplittableRandom random;
    private double meanGapNanos;
    private double lastNanos;
    private boolean taken;
    private double pendingNanos;

    /**
     * @param poisson Poisson arrivals, else uniform
     * @param random the gaps' random stream
     * @param sessionsPerSecond the starting rate, 0 or more
     */
    SessionArrivals(boolean poisson, SplittableRandom random, double sessionsPerSecond) {
        this.poisson = poisson;
        this.random = random;
        this.meanGapNanos = gapNanos(sessionsPerSecond);
        this.pendingNanos = poisson ? exponentialGap() : 0;
    }

    private static double gapNanos(double sessionsPerSecond) {
        if (!(sessionsPerSecond >= 0) || Double.isInfinite(sessionsPerSecond)) {
            throw new IllegalArgumentException("the session rate must be 0 or more, was " + sessionsPerSecond);
        }
        return sessionsPerSecond == 0 ? Double.POSITIVE_INFINITY : 1e9 / sessionsPerSecond; // 0: none arrives
    }

    private double exponentialGap() {
        return -StrictMath.log(1.0 - random.nextDouble()) * meanGapNanos; // 1 - U in (0, 1]: finite
    }

    /** The next arrival, in nanoseconds from the start; {@code Long.MAX_VALUE} at a rate of 0. */
    long pending() {
        return (long) pendingNanos;
    }

    /** Takes the pending arrival; the next one is a gap later. */
    void take() {
        lastNanos = pendingNanos;
        taken = true;
        pendingNanos = lastNanos + (poisson ? exponentialGap() : meanGapNanos);
    }

    /**
     * Changes the rate at {@code nowNanos} (from the start; at or after the last arrival taken): the
     * pending arrival is moved to where the new rate puts it.
     */
    void retime(double sessionsPerSecond, long nowNanos) {
        meanGapNanos = gapNanos(sessionsPerSecond);
        double now = Math.max(nowNanos, lastNanos);
        if (poisson) {
            pendingNanos = now + exponentialGap();
        } else {
            pendingNanos = taken ? Math.max(now, lastNanos + meanGapNanos) : now;
        }
    }
}
