package dev.stampede.engine.schedule;

import dev.stampede.common.time.ManualNanoClock;

/**
 * A {@link Waiter} for tests and simulations: waiting moves a {@link ManualNanoClock} forward by
 * exactly the time asked for, so a paced event is returned with the clock on its intended time and no
 * real time passes. Counts its waits, so a test can tell a late event (returned without waiting) from
 * a punctual one.
 */
public final class AdvancingWaiter implements Waiter {

    private final ManualNanoClock clock;
    private long waits;

    /** A waiter that moves {@code clock}. */
    public AdvancingWaiter(ManualNanoClock clock) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        this.clock = clock;
    }

    @Override
    public void waitNanos(long remainingNanos) {
        waits++;
        clock.advance(remainingNanos);
    }

    /** How many times the pacer waited. */
    public long waits() {
        return waits;
    }
}
