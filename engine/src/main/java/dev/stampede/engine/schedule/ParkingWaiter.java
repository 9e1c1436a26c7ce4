package dev.stampede.engine.schedule;

import java.util.concurrent.locks.LockSupport;

/**
 * The production {@link Waiter}: {@link LockSupport#parkNanos(long)} for the wait, less the last
 * {@code spinNanos}, which it spins through with {@link Thread#onSpinWait()}. A single park lasts at
 * most {@link #MAX_PARK_NANOS}, so a {@link Pacer#stop()} is seen within that long even during a long
 * gap in a replayed log.
 *
 * <p>With a {@code windowNanos} above 0 it parks for at least that long (and never spins): the events
 * due within one window are released together, each with its own intended time, late by up to the
 * window. A run's publisher, which fills the ring 10 ms ahead of the intended times, parks at least 5 ms
 * at a time: about 200 wake-ups a second whatever the rate, where each wake-up (a timer, a context
 * switch) costs more than a request on a busy core.
 */
public final class ParkingWaiter implements Waiter {

    /** The longest single park: how long a stopped pacer may take to notice. */
    public static final long MAX_PARK_NANOS = 10_000_000L;

    private final long spinNanos;
    private final long windowNanos;

    /** @param spinNanos how long before the event to stop parking and spin; 0 never spins */
    public ParkingWaiter(long spinNanos) {
        this(spinNanos, 0L);
    }

    /**
     * @param spinNanos how long before the event to stop parking and spin; 0 never spins
     * @param windowNanos the shortest park (events due within it go out together); 0 for none. Only one
     *     of the two may be above 0.
     */
    public ParkingWaiter(long spinNanos, long windowNanos) {
        if (spinNanos < 0 || windowNanos < 0) {
            throw new IllegalArgumentException(
                    "spin time and window must not be negative, got " + spinNanos + " and " + windowNanos + " ns");
        }
        if (spinNanos > 0 && windowNanos > 0) {
            throw new IllegalArgumentException("a waiter spins to be on time or parks in windows, not both");
        }
        this.spinNanos = spinNanos;
        this.windowNanos = Math.min(windowNanos, MAX_PARK_NANOS);
    }

    /** How long it parks at least, in nanoseconds (0: as long as asked). */
    public long windowNanos() {
        return windowNanos;
    }

    @Override
    public void waitNanos(long remainingNanos) {
        if (windowNanos > 0) {
            LockSupport.parkNanos(Math.min(Math.max(remainingNanos, windowNanos), MAX_PARK_NANOS));
            return;
        }
        long parkNanos = remainingNanos - spinNanos;
        if (parkNanos > 0) {
            LockSupport.parkNanos(Math.min(parkNanos, MAX_PARK_NANOS));
        } else {
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return windowNanos > 0
                ? "park, at least " + windowNanos + " ns"
                : spinNanos == 0 ? "park" : "park, then spin the last " + spinNanos + " ns";
    }
}
