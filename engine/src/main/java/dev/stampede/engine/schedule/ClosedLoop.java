package dev.stampede.engine.schedule;

import dev.stampede.common.time.NanoClock;

/**
 * The schedule of a flat-out run (wrk's closed loop): there is no timetable, each request is due the
 * moment it is released, so {@link #next()} returns the clock's current reading, from {@code
 * startNanos} until {@code durationNanos} have passed, then {@link #END}.
 *
 * <p>What keeps a flat-out run from sending without bound is not this schedule but the releaser's
 * in-flight limit (the pipeline's {@code LoopReleaser}): it asks for the next time only when a
 * connection is free, so {@code limit} requests are outstanding and each end lets the next one go.
 * Latency measured from such an intended time is the service time: there is no schedule to fall
 * behind, and so no coordinated omission to correct, but also no honest latency under a fixed load.
 *
 * <p>Before {@code startNanos} it returns {@code startNanos} (the pacer waits for it); the end is final
 * once reached. Hot path: one clock reading per call, no allocation.
 */
public final class ClosedLoop implements IntendedTimes {

    private final NanoClock clock;
    private final long startNanos;
    private final long durationNanos;
    private boolean ended;

    /**
     * @param clock the run's clock
     * @param startNanos when the first request may go
     * @param durationNanos how long requests are released, above 0
     */
    public ClosedLoop(NanoClock clock, long startNanos, long durationNanos) {
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
        if (durationNanos <= 0) {
            throw new IllegalArgumentException("duration must be above 0, got " + durationNanos + " ns");
        }
        this.clock = clock;
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
    }

    /** Now (or the start, before it), or {@link #END} once the duration has passed. Hot path. */
    @Override
    public long next() {
        if (ended) {
            return END;
        }
        long elapsed = clock.nanoTime() - startNanos; // wrap-safe difference of clock readings
        if (elapsed < 0) {
            return startNanos;
        }
        if (elapsed >= durationNanos) {
            ended = true;
            return END;
        }
        return startNanos + elapsed;
    }
}
