package dev.stampede.engine.schedule;

import java.util.concurrent.locks.LockSupport;

/**
 * The production {@link Waiter}: {@link LockSupport#parkNanos(long)} for the wait, less the last
 * {@code spinNanos}, which it spins through with {@link Thread#onSpinWait()}. A single park lasts at
 * most {@link #MAX_PARK_NANOS}, so a {@link Pacer#stop()} is seen within that long even during a long
 * gap in a replayed log.
 */
public final class ParkingWaiter implements Waiter {

    /** The longest single park: how long a stopped pacer may take to notice. */
    public static final long MAX_PARK_NANOS = 10_000_000L;

    private final long spinNanos;

    /** @param spinNanos how long before the event to stop parking and spin; 0 never spins */
    public ParkingWaiter(long spinNanos) {
        if (spinNanos < 0) {
            throw new IllegalArgumentException("spin time must not be negative, got " + spinNanos + " ns");
        }
        this.spinNanos = spinNanos;
    }

    @Override
    public void waitNanos(long remainingNanos) {
        long parkNanos = remainingNanos - spinNanos;
        if (parkNanos > 0) {
            LockSupport.parkNanos(Math.min(parkNanos, MAX_PARK_NANOS));
        } else {
            Thread.onSpinWait();
        }
    }

    @Override
    public String toString() {
        return spinNanos == 0 ? "park" : "park, then spin the last " + spinNanos + " ns";
    }
}
