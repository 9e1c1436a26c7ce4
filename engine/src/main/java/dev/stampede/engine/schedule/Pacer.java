package dev.stampede.engine.schedule;

import dev.stampede.common.time.NanoClock;

/**
 * Releases the events of an {@link IntendedTimes} when the clock reaches them: {@link #awaitNext()}
 * waits (through the injected {@link Waiter}) until the next intended time and returns that time.
 *
 * <p><b>Never skips, never shifts.</b> When the pacer is behind (the publisher stalled, a GC pause, a
 * full ring), every event already due is returned at once, one per call, with its original intended
 * time: latency measured from it includes the delay (no coordinated omission), and the schedule
 * catches up by sending the backlog rather than by forgetting it. {@link #lagNanos()} says how late
 * the last event was released.
 *
 * <p><b>Threading.</b> One owner thread calls {@link #awaitNext()} and {@link #lagNanos()}: both are
 * on the hot path and allocate nothing. {@link #stop()} may be called from any thread.
 */
public final class Pacer {

    private final NanoClock clock;
    private final IntendedTimes times;
    private final Waiter waiter;

    private volatile boolean stopped;
    private boolean ended;
    private long lagNanos;

    /**
     * @param clock the clock intended times are read against
     * @param times the schedule
     * @param waiter how to wait: {@link Waiter#parking()} in production, {@link AdvancingWaiter} in tests
     */
    public Pacer(NanoClock clock, IntendedTimes times, Waiter waiter) {
        if (clock == null || times == null || waiter == null) {
            throw new IllegalArgumentException("clock, times and waiter are required");
        }
        this.clock = clock;
        this.times = times;
        this.waiter = waiter;
    }

    /**
     * Waits until the next event is due and returns its intended time, or {@link IntendedTimes#END}
     * when the schedule is over or {@link #stop()} was called (the event being waited for is then not
     * returned: it was never released, so it is not part of the run). Returns at once, with the original
     * time, for an event that is already due. Hot path.
     */
    public long awaitNext() {
        if (ended || stopped) {
            return end();
        }
        long intended = times.next();
        if (intended == IntendedTimes.END) {
            return end();
        }
        long now = clock.nanoTime();
        while (now - intended < 0) { // wrap-safe comparison of clock readings
            if (stopped) {
                return end();
            }
            waiter.waitNanos(intended - now);
            now = clock.nanoTime();
        }
        lagNanos = now - intended;
        return intended;
    }

    private long end() {
        ended = true;
        lagNanos = 0;
        return IntendedTimes.END;
    }

    /**
     * How late the last event returned by {@link #awaitNext()} was released: the clock at release minus
     * its intended time, 0 when on time (with a perfect waiter) and before the first event or after the
     * end. It covers the pacer only; the sender measures the send lag of the request itself.
     */
    public long lagNanos() {
        return lagNanos;
    }

    /**
     * Ends the schedule from any thread: the owner's current or next {@link #awaitNext()} returns
     * {@link IntendedTimes#END} (within {@link ParkingWaiter#MAX_PARK_NANOS} when it is parked).
     */
    public void stop() {
        stopped = true;
    }
}
