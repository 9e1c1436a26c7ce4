package dev.stampede.engine.measure;

/**
 * What the ring between the publisher and the releaser held during a run ({@link RingOccupancy}). A
 * flat-out run has no ring: all zero, as {@link #NOT_MEASURED}.
 *
 * @param size the ring's size in events
 * @param maxOccupied the most requests published and not yet released, seen after a publish (the
 *     look-ahead)
 * @param p99Occupied the 99th percentile of the same (HdrHistogram, 3 digits)
 * @param fullWaits how often the publisher found the ring full: the look-ahead was capped by the ring's
 *     size (not a fault by itself)
 * @param lateArrivals requests that reached the ring after their intended time by more than the
 *     send-lag threshold: the source (reading, filtering, sampling) fell behind its schedule
 * @param samples how many publishes were sampled (one per request)
 */
public record RingUse(int size, long maxOccupied, long p99Occupied, long fullWaits, long lateArrivals, long samples) {

    /** A run whose ring was not watched. */
    public static final RingUse NOT_MEASURED = new RingUse(0, 0, 0, 0, 0, 0);
}
