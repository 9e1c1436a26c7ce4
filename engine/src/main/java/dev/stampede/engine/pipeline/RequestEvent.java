package dev.stampede.engine.pipeline;

import dev.stampede.engine.source.SourceSlot;

/**
 * A ring slot ({@link RingFeed}): one scheduled request (the source's slot, with its intended send time,
 * saying what to send), or, once, the end marker ({@code end}: the claimed slot the schedule ended in,
 * published so the releaser knows it is over). Preallocated and reused; the publishing thread fills it
 * between claiming and publishing, the releaser reads it after.
 */
final class RequestEvent {

    SourceSlot slot;
    boolean end;
}
