package dev.stampede.engine.pipeline;

import dev.stampede.engine.schedule.IntendedTimes;
import dev.stampede.engine.source.RequestSource;
import dev.stampede.engine.source.SourceSlot;

/**
 * A flat-out run's feed: no ring and no publishing thread; the event loop asks the source for the next
 * request the moment the releaser may send one (a connection is free), as wrk does. The source's
 * schedule is a {@link dev.stampede.engine.schedule.ClosedLoop}: each time it gives is the clock's
 * reading when asked, so latency counts from the release, and its end is the run's end to the
 * nanosecond (a ring filled ahead would send on for as long as it took to empty).
 *
 * <p>The source fills slots from a small array, round, so a slot it still reads after {@link
 * RequestSource#build} (none does flat out) is not overwritten by the next request at once.
 */
final class DirectFeed<S extends SourceSlot> implements SlotFeed<S> {

    private final RequestSource<S> source;
    private final SourceSlot[] slots;
    private final int mask;
    private int index;
    private S current;
    private boolean ended;

    /** @param slotCount how many slots to cycle through, a power of two */
    DirectFeed(RequestSource<S> source, int slotCount) {
        if (Integer.bitCount(slotCount) != 1) {
            throw new IllegalArgumentException("slot count must be a power of two, got " + slotCount);
        }
        this.source = source;
        this.slots = new SourceSlot[slotCount];
        for (int i = 0; i < slotCount; i++) {
            slots[i] = source.newSlot();
        }
        this.mask = slotCount - 1;
    }

    @Override
    public S peek() {
        if (current != null || ended) {
            return current;
        }
        S slot = slotAt(index);
        long intended = source.next(slot);
        if (intended == IntendedTimes.END) {
            ended = true;
            return null;
        }
        slot.intendedNanos = intended;
        current = slot;
        return slot;
    }

    @Override
    public boolean ended() {
        return ended && current == null;
    }

    @Override
    public void consumed() {
        current = null;
        index = (index + 1) & mask;
    }

    /** Every slot was made by the source ({@code newSlot}). */
    @SuppressWarnings("unchecked")
    private S slotAt(int i) {
        return (S) slots[i];
    }
}
