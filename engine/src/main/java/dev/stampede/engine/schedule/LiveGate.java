package dev.stampede.engine.schedule;

import dev.stampede.common.time.NanoClock;

/**
 * Keeps a live schedule from deciding too far ahead. A schedule whose rate can change while it runs (a
 * rate profile under live control: {@code stampede ctl rate}, a guard's back-off, the capacity search)
 * reads the rate for a moment only once the clock is within {@link #horizonNanos()} of it, waiting on
 * the publishing thread until then. So a change reaches the schedule at most one horizon before the
 * requests it affects, and the wire within the horizon plus the run's look-ahead; while nothing is
 * sent (paused, a rate of 0) the schedule waits here rather than running ahead to the end.
 *
 * <p>{@link #awaitWithin} is called by the owning (publishing) thread; {@link #stop()} from any thread,
 * seen within one wait slice.
 */
public final class LiveGate {

    /** How far ahead a live schedule reads the rate: 30 ms (the ring's look-ahead is 10 ms). */
    public static final long DEFAULT_HORIZON_NANOS = 30_000_000L;
    /** The longest single wait: a stop is seen within it. */
    public static final long WAIT_SLICE_NANOS = 5_000_000L;

    /** A gate that never waits: for schedules whose rate is fixed in advance (a profile without live control). */
    public static final LiveGate OPEN = new LiveGate(null, Long.MAX_VALUE, null);

    private final NanoClock clock;
    private final long horizonNanos;
    private final Waiter waiter;
    private volatile boolean stopped;

    /**
     * @param clock the run's clock
     * @param horizonNanos how far ahead of the clock the rate may be read, 0 or more
     * @param waiter how to wait ({@link Waiter#parking()}; an {@link AdvancingWaiter} in tests)
     */
    public LiveGate(NanoClock clock, long horizonNanos, Waiter waiter) {
        if (horizonNanos < 0) {
            throw new IllegalArgumentException("the horizon must not be negative, got " + horizonNanos + " ns");
        }
        this.clock = clock;
        this.horizonNanos = horizonNanos;
        this.waiter = waiter;
    }

    /** A gate on the system's clock with the default horizon, parking while it waits. */
    public static LiveGate parking(NanoClock clock) {
        return new LiveGate(clock, DEFAULT_HORIZON_NANOS, Waiter.parking());
    }

    /** How far ahead of the clock the rate may be read. */
    public long horizonNanos() {
        return horizonNanos;
    }

    /**
     * Waits until {@code clockNanos} (a clock reading) is at most the horizon ahead of the clock.
     *
     * @return false when the gate was stopped (the schedule should end), else true
     */
    public boolean awaitWithin(long clockNanos) {
        if (clock == null) {
            return !stopped;
        }
        long now = clock.nanoTime();
        while (clockNanos - horizonNanos - now > 0) { // wrap-safe
            if (stopped) {
                return false;
            }
            waiter.waitNanos(Math.min(clockNanos - horizonNanos - now, WAIT_SLICE_NANOS));
            now = clock.nanoTime();
        }
        return !stopped;
    }

    /** Ends every wait: the schedule sees the stop within one wait slice. Any thread. */
    public void stop() {
        if (clock != null) {
            stopped = true;
        }
    }

    /** True once stopped. */
    public boolean stopped() {
        return stopped;
    }

    /** The clock (null for {@link #OPEN}). */
    public NanoClock clock() {
        return clock;
    }
}
