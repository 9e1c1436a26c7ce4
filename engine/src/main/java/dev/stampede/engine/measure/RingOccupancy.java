package dev.stampede.engine.measure;

import org.HdrHistogram.Histogram;

/**
 * How full the run's ring was: after each publish, the publisher records how many requests are
 * published but not yet handed to the connection pool, and it counts the times it found the ring full
 * (it then waits for the sender, and the requests behind it go late). Read with {@link #summary()}.
 *
 * <p>Owned by the publishing thread: {@link #record(long)} and {@link #fullWait()} are on its hot path
 * (a plain histogram and a plain counter: no allocation, no lock, no atomic). {@link #summary()} is for
 * the same thread, or for another one after the publisher is done (e.g. after a join).
 */
public final class RingOccupancy {

    private final int ringSize;
    private final Histogram occupied;
    private long fullWaits;

    /** @param ringSize the ring's size in events, at least 1 */
    public RingOccupancy(int ringSize) {
        if (ringSize < 1) {
            throw new IllegalArgumentException("ring size must be at least 1, got " + ringSize);
        }
        this.ringSize = ringSize;
        this.occupied = new Histogram(Math.max(2, ringSize), 3);
    }

    /** Records the slots published and not yet sent, clamped to {@code [0, ringSize]}. Hot path. */
    public void record(long occupiedSlots) {
        occupied.recordValue(Math.max(0, Math.min(ringSize, occupiedSlots)));
    }

    /** Counts one time the publisher found no free slot. Hot path. */
    public void fullWait() {
        fullWaits++;
    }

    /** What was recorded so far. Not for the hot path. */
    public RingUse summary() {
        long samples = occupied.getTotalCount();
        return new RingUse(
                ringSize,
                samples == 0 ? 0 : occupied.getMaxValue(),
                samples == 0 ? 0 : occupied.getValueAtPercentile(99.0),
                fullWaits,
                samples);
    }
}
