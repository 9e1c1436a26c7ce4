package dev.stampede.engine.measure;

/**
 * How full the ring between the schedule and the sender was during a run ({@link RingOccupancy}).
 *
 * @param size the ring's size in events
 * @param maxOccupied the most requests published and not yet handed to the pool, seen after a publish
 * @param p99Occupied the 99th percentile of the same (HdrHistogram, 3 digits)
 * @param fullWaits how often the publisher found the ring full and had to wait for the sender
 * @param samples how many publishes were sampled (one per request)
 */
public record RingUse(int size, long maxOccupied, long p99Occupied, long fullWaits, long samples) {

    /** A run whose ring was not watched. */
    public static final RingUse NOT_MEASURED = new RingUse(0, 0, 0, 0, 0);
}
