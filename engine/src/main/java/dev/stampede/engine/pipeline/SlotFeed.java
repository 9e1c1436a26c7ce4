package dev.stampede.engine.pipeline;

import dev.stampede.engine.source.SourceSlot;

/**
 * Where the {@link LoopReleaser} takes the run's requests from, in schedule order: each a source slot
 * whose {@link SourceSlot#intendedNanos} says when it is due. A fixed-rate run's feed is the Disruptor
 * ring the publishing thread fills ahead of time ({@link RingFeed}); a flat-out run's is the source
 * itself, asked on the event loop the moment a connection is free ({@link DirectFeed}).
 *
 * <p>Called on the event loop only.
 */
interface SlotFeed<S extends SourceSlot> {

    /**
     * The next slot, without taking it; the same one until {@link #consumed()}. Null when there is
     * none yet (a ring feed then has the releaser woken when one is published) or none ever again
     * ({@link #ended()}).
     */
    S peek();

    /** Whether the schedule is over: after {@link #peek()} returned null, no slot will come. */
    boolean ended();

    /** The slot {@link #peek()} returned is released: the next call gives the one after it. */
    void consumed();
}
