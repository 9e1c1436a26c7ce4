package dev.stampede.engine.pipeline;

import dev.stampede.engine.source.SourceSlot;

/**
 * A ring slot: one scheduled request (its intended send time and the source's slot saying what to
 * send), or, once, the end marker ({@code end}: the claimed slot the schedule ended in, published so
 * the sender is not left waiting). Preallocated and reused; the publishing thread fills it between
 * claiming and publishing, the sender reads it after.
 */
final class RequestEvent {

    long intendedNanos;
    SourceSlot slot;
    boolean end;
}
