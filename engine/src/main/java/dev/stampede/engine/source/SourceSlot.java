package dev.stampede.engine.source;

/**
 * The source's part of one ring slot: which endpoint the request counts under, and whatever the source
 * needs to build the request later on the sender (the pool's event loop). Preallocated once per slot by {@link
 * RequestSource#newSlot()} and reused: a source fills it on the publishing thread ({@link
 * RequestSource#next}) and reads it back on the sender ({@link RequestSource#build}); the
 * ring's publication orders the two.
 */
public class SourceSlot {

    /** Index into {@link RequestSource#endpointNames()} of the request in this slot; set by the source. */
    public int endpoint;

    /** The intended send time {@link RequestSource#next} returned for this slot; set by the run. */
    public long intendedNanos;
}
