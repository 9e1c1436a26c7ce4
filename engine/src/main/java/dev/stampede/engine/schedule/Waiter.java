package dev.stampede.engine.schedule;

/**
 * How the {@link Pacer} passes the time until an event is due: park the thread, spin, or (in tests)
 * move a manual clock. The pacer re-reads the clock after every call, so a waiter may return early (a
 * spurious wake-up, a capped park, one spin) but should not return much later than asked.
 *
 * <p>Called on the publishing thread only, between events; it must not allocate.
 */
@FunctionalInterface
public interface Waiter {

    /** Passes about {@code remainingNanos} (above 0) of the clock, or less. */
    void waitNanos(long remainingNanos);

    /**
     * Parks for the whole wait: no CPU while idle, wake-ups late by the OS timer slack (tens of
     * microseconds on Linux). The production default.
     */
    static Waiter parking() {
        return new ParkingWaiter(0L);
    }

    /**
     * Parks for at least {@code windowNanos} (at most {@link ParkingWaiter#MAX_PARK_NANOS}): the events due
     * within a window go out together, each late by up to the window (measured as send lag), for a
     * fraction of the wake-ups. The publisher of a run uses it with a window well below the send-lag
     * threshold.
     */
    static Waiter parkingInWindows(long windowNanos) {
        return new ParkingWaiter(0L, windowNanos);
    }

    /**
     * Parks until {@code spinNanos} before the event, then spins: wakes on time to within a
     * microsecond, at the cost of a busy core when events are closer together than {@code spinNanos}.
     */
    static Waiter parkThenSpin(long spinNanos) {
        return new ParkingWaiter(spinNanos);
    }
}
