package dev.stampede.engine.measure;

import org.HdrHistogram.Histogram;

/**
 * What the run's ring held: after each publish, the publisher records how many requests are published
 * and not yet released (its look-ahead); it counts the times it found the ring full (the look-ahead was
 * capped by the ring's size: harmless while the releaser keeps its times) and the requests that reached
 * the ring already late (the source fell behind its schedule: those went out late). Read with {@link
 * #summary()}.
 *
 * <p>Owned by the publishing thread: {@link #record(long)}, {@link #fullWait()} and {@link
 * #lateArrival()} are on its hot path (a plain histogram and plain counters: no allocation, no lock, no
 * atomic). {@link #summary()} is for the same thread, or for another one after the publisher is done.
 */
public final class RingOccupancy {

    private final int ringSize;
    private final Histogram occupied;
    private long fullWaits;
    private long lateArrivals;

    /** @param ringSize the ring's size in events, at least 1 */
    public RingOccupancy(int ringSize) {
        if (ringSize < 1) {
            throw new IllegalArgumentException("ring size must be at least 1, got " + ringSize);
        }
        this.ringSize = ringSize;
        this.occupied = new Histogram(Math.max(2, ringSize), 3);
    }

    /** Records the slots published and not yet released, clamped to {@code [0, ringSize]}. Hot path. */
    public void record(long occupiedSlots) {
        occupied.recordValue(Math.max(0, Math.min(ringSize, occupiedSlots)));
    }

    /** Counts one time the publisher found no free slot. Hot path. */
    public void fullWait() {
        fullWaits++;
    }

    /** Counts one request that reached the ring later than its intended time by more than the threshold. */
    public void lateArrival() {
        lateArrivals++;
    }

    /** What was recorded so far. Not for the hot path. */
    public RingUse summary() {
        long samples = occupied.getTotalCount();
        return new RingUse(
                ringSize,
                samples == 0 ? 0 : occupied.getMaxValue(),
                samples == 0 ? 0 : occupied.getValueAtPercentile(99.0),
                fullWaits,
                lateArrivals,
                samples);
    }
}
